type Day = { date: string; answered: number; correct: number };

const WIDTH = 640;
const HEIGHT = 180;
const PAD = { top: 12, right: 36, bottom: 24, left: 32 };

/**
 * Questions answered per day (bars) and accuracy (line, right axis) over the last 30 days, as an SVG
 * drawn on the server: no chart library shipped to the browser. The table under it carries the same data
 * for screen readers and for anyone who prefers numbers.
 */
export function ActivityChart({ days }: { days: Day[] }) {
  const maxAnswered = Math.max(1, ...days.map((day) => day.answered));
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerWidth / days.length;
  const x = (index: number) => PAD.left + index * slot;
  const yCount = (count: number) => PAD.top + innerHeight * (1 - count / maxAnswered);
  const yRate = (rate: number) => PAD.top + innerHeight * (1 - rate);
  const points = days.flatMap((day, index) =>
    day.answered ? [`${x(index) + slot / 2},${yRate(day.correct / day.answered)}`] : [],
  );
  const total = days.reduce((sum, day) => sum + day.answered, 0);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="activity-title">
        <title id="activity-title">{`${total} questions answered in the last ${days.length} days`}</title>
        <line
          x1={PAD.left}
          x2={WIDTH - PAD.right}
          y1={PAD.top + innerHeight}
          y2={PAD.top + innerHeight}
          className="chart__axis"
        />
        <text x={PAD.left - 6} y={PAD.top + 8} className="chart__label" textAnchor="end">
          {maxAnswered}
        </text>
        <text x={WIDTH - PAD.right + 6} y={PAD.top + 8} className="chart__label">
          100%
        </text>
        {days.map((day, index) => (
          <rect
            key={day.date}
            x={x(index) + slot * 0.15}
            width={slot * 0.7}
            y={yCount(day.answered)}
            height={PAD.top + innerHeight - yCount(day.answered)}
            className="chart__bar"
          />
        ))}
        {points.length > 1 ? <polyline points={points.join(" ")} className="chart__line" fill="none" /> : null}
        {points.map((point) => {
          const [cx, cy] = point.split(",");
          return <circle key={point} cx={cx} cy={cy} r={3} className="chart__dot" />;
        })}
        <text x={PAD.left} y={HEIGHT - 6} className="chart__label">
          {days[0]?.date}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} className="chart__label" textAnchor="end">
          {days.at(-1)?.date}
        </text>
      </svg>
      <figcaption className="muted">
        Bars: questions answered per day. Line: share answered right that day (right axis).
      </figcaption>
      <details>
        <summary>Show as a table</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Answered</th>
              <th scope="col">Right</th>
            </tr>
          </thead>
          <tbody>
            {days
              .filter((day) => day.answered)
              .map((day) => (
                <tr key={day.date}>
                  <th scope="row">{day.date}</th>
                  <td>{day.answered}</td>
                  <td>{day.correct}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
