type Day = { date: string; count: number };

const CELL = 12;
const GAP = 3;

function level(count: number, max: number): number {
  if (count === 0) return 0;
  return Math.min(4, Math.ceil((count / max) * 4));
}

/** A year of practice, one square per day, weeks as columns starting on Monday (like GitHub's). */
export function CalendarHeatmap({ days }: { days: Day[] }) {
  const max = Math.max(1, ...days.map((day) => day.count));
  const weeks = Math.ceil(days.length / 7);
  const activeDays = days.filter((day) => day.count > 0).length;
  return (
    <figure className="heatmap">
      <svg
        viewBox={`0 0 ${weeks * (CELL + GAP)} ${7 * (CELL + GAP)}`}
        role="img"
        aria-label={`Practice calendar: ${activeDays} active days in the last year`}
      >
        {days.map((day, index) => (
          <rect
            key={day.date}
            x={Math.floor(index / 7) * (CELL + GAP)}
            y={(index % 7) * (CELL + GAP)}
            width={CELL}
            height={CELL}
            rx={2}
            className={`heatmap__cell heatmap__cell--${level(day.count, max)}`}
          >
            <title>{`${day.date}: ${day.count} answered`}</title>
          </rect>
        ))}
      </svg>
      <figcaption className="muted">Each square is a day; darker means more questions answered.</figcaption>
    </figure>
  );
}
