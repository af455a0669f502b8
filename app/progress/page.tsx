import type { Metadata } from "next";
import Link from "next/link";
import { AssignmentList } from "@/components/classes/assignment-list";
import { ActivityChart } from "@/components/progress/activity-chart";
import { CalendarHeatmap } from "@/components/progress/calendar-heatmap";
import { WeakTopics } from "@/components/progress/weak-topics";
import { requirePageUser } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { loadMyAssignments } from "@/lib/data/class-progress";
import { db } from "@/lib/data/db";
import { loadProgress } from "@/lib/data/progress";
import { percent, plural } from "@/lib/domain/format";
import { requestTimeZone } from "@/lib/time-zone";

export const metadata: Metadata = { title: "Your progress" };

export default async function ProgressPage() {
  const user = await requirePageUser("/progress");
  const [now, timeZone] = await Promise.all([requestNow(), requestTimeZone()]);
  const [progress, { assignments }] = await Promise.all([
    loadProgress(db, user.id, now, timeZone),
    loadMyAssignments(db, user.id, now),
  ]);
  const { totals, streak } = progress;
  return (
    <>
      <h1>Your progress</h1>
      <dl className="stats">
        <div>
          <dt>Answered</dt>
          <dd data-testid="answered-total">{totals.answered}</dd>
        </div>
        <div>
          <dt>Accuracy</dt>
          <dd>{percent(totals.accuracy)}</dd>
        </div>
        <div>
          <dt>Questions seen</dt>
          <dd>{totals.questionsSeen}</dd>
        </div>
        <div>
          <dt>Streak</dt>
          <dd>
            {plural(streak.current, "day")}
            <small className="muted"> (best {streak.longest})</small>
          </dd>
        </div>
        <div>
          <dt>Due now</dt>
          <dd>
            <Link href="/review">{totals.dueNow}</Link>
          </dd>
        </div>
      </dl>
      {!streak.activeToday && streak.current > 0 ? (
        <p className="muted">Answer one question today to keep your streak.</p>
      ) : null}

      <AssignmentList assignments={assignments} timeZone={timeZone} />

      <h2>Last 30 days</h2>
      <ActivityChart days={progress.daily} />

      <h2>Calendar</h2>
      <CalendarHeatmap days={progress.heatmap.days} />

      <div className="two-columns">
        <section aria-labelledby="weakest-heading">
          <h2 id="weakest-heading">Weakest topics</h2>
          <WeakTopics
            topics={progress.weakestTopics}
            empty="Answer at least three questions in a topic to see how it compares."
            practise
          />
        </section>
        <section aria-labelledby="due-heading">
          <h2 id="due-heading">Reviews due, next 7 days</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {progress.dueNext7Days.map((day, index) => (
                <tr key={day.date}>
                  <th scope="row">{index === 0 ? "Today (incl. overdue)" : day.date}</th>
                  <td>{day.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <h2>Mastery by topic</h2>
      <p className="muted">
        The share of each topic you would get right today, as spaced repetition estimates it; unseen questions count as
        not known.
      </p>
      <MasteryTable
        rows={progress.topics.map((topic) => ({
          key: topic.slug,
          label: topic.name,
          href: `/practice/${topic.slug}`,
          ...topic,
        }))}
        label="Topic"
      />

      <h2>Mastery by deck</h2>
      <MasteryTable
        rows={progress.decks.map((deck) => ({ key: deck.id, label: deck.title, href: `/decks/${deck.id}`, ...deck }))}
        label="Deck"
      />

      <p>
        <a href="/api/me/export" download>
          Download all your answers (CSV)
        </a>{" "}
        · <Link href="/settings">Settings and account deletion</Link>
      </p>
    </>
  );
}

type MasteryRow = {
  key: string;
  label: string;
  href: string;
  questions: number;
  seen: number;
  mastery: number;
  accuracy: number | null;
};

function MasteryTable({ rows, label }: { rows: MasteryRow[]; label: string }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col">Seen</th>
          <th scope="col">Accuracy</th>
          <th scope="col">Mastery</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              <Link href={row.href}>{row.label}</Link>
            </th>
            <td>
              {row.seen} of {row.questions}
            </td>
            <td>{percent(row.accuracy)}</td>
            <td>
              <span className="meter">
                <meter min={0} max={1} value={row.mastery} aria-label={`${row.label} mastery`} /> {percent(row.mastery)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
