import Link from "next/link";
import { formatDueDate } from "@/lib/domain/due-dates";
import type { MyAssignment } from "@/lib/domain/class-progress";
import { percent } from "@/lib/domain/format";
import { ClassActionButton } from "./class-action-button";

type Props = { classId: string; name: string; ownerName: string | null; assignments: MyAssignment[]; timeZone: string };

/** What a member sees of a class: their own assignments in it, never another member's, and a way out. */
export function MemberClassView({ classId, name, ownerName, assignments, timeZone }: Props) {
  return (
    <>
      <p className="breadcrumb">
        <Link href="/classes">Classes</Link> / {name}
      </p>
      <h1>{name}</h1>
      {ownerName ? <p className="muted">Taught by {ownerName}.</p> : null}
      <h2>Your assignments</h2>
      {assignments.length === 0 ? (
        <p className="muted">Nothing is assigned in this class yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Deck</th>
              <th scope="col">Due</th>
              <th scope="col">Done</th>
              <th scope="col">Mastery</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((assignment) => (
              <tr key={assignment.deckId} className={assignment.overdue ? "class-progress__behind" : undefined}>
                <th scope="row">
                  <Link href={`/decks/${assignment.deckId}`}>{assignment.deckTitle}</Link>
                </th>
                <td>
                  {formatDueDate(assignment.dueDate, timeZone)}
                  {assignment.overdue ? <span className="behind-tag">overdue</span> : null}
                </td>
                <td>
                  {assignment.answered} of {assignment.total}
                </td>
                <td>{percent(assignment.mastery)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">
        Your instructor sees your answers and mastery on these decks only. Leaving keeps your answers; you can join
        again with the code while the class takes members.
      </p>
      <ClassActionButton
        url={`/api/classes/${classId}/leave`}
        method="POST"
        confirm={`You leave ${name}. Your answers stay yours.`}
        then="/classes"
        className="button"
      >
        Leave class
      </ClassActionButton>
    </>
  );
}
