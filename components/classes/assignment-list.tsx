import Link from "next/link";
import type { MyAssignment } from "@/lib/domain/class-progress";
import { dueText } from "@/lib/domain/due-dates";
import { percent, plural } from "@/lib/domain/format";

/**
 * A member's assignments (GET /api/me/assignments, lib/data/class-progress.ts loadMyAssignments), as the
 * home page, /decks and /progress show them. No hooks and nothing server-only: server pages render it with
 * the request's time zone, the home page's client component with the browser's.
 */

export function AssignmentList({ assignments, timeZone }: { assignments: MyAssignment[]; timeZone: string }) {
  if (assignments.length === 0) return null;
  return (
    <section aria-labelledby="assignments-heading" className="assignments">
      <h2 id="assignments-heading">Your assignments</h2>
      <p className="muted">
        Done counts the questions you have answered at least once. Mastery is the share of a deck you would get right
        today, as spaced repetition estimates it; unseen questions count as not known.
      </p>
      <ul className="assignment-list">
        {assignments.map((assignment) => (
          <li key={`${assignment.classId}:${assignment.deckId}`} className="assignment">
            <p className="assignment__title">
              {/* An assigned deck is practised like any other: the same answers count everywhere. */}
              <Link href={`/decks/${assignment.deckId}`}>{assignment.deckTitle}</Link>
              {assignment.overdue ? <strong className="overdue-tag">Overdue</strong> : null}
            </p>
            <p className="muted">
              {assignment.className} · {dueText(assignment.dueDate, timeZone)}
            </p>
            <p>
              {assignment.answered} of {plural(assignment.total, "question")} done ·{" "}
              <span className="meter">
                Mastery {percent(assignment.mastery)}
                <meter min={0} max={1} value={assignment.mastery} aria-label={`${assignment.deckTitle} mastery`} />
              </span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On a deck of /decks: the classes that assigned it, and when it is due in each. */
export function AssignedNote({ assignments, timeZone }: { assignments: MyAssignment[]; timeZone: string }) {
  if (assignments.length === 0) return null;
  return (
    <p className="assigned-note">
      {assignments
        .map((assignment) => `Assigned by ${assignment.className}, ${dueText(assignment.dueDate, timeZone)}`)
        .join("; ")}
      {assignments.some((assignment) => assignment.overdue) ? (
        <>
          {" "}
          <strong className="overdue-tag">Overdue</strong>
        </>
      ) : null}
    </p>
  );
}
