import Link from "next/link";
import { WeakTopics } from "@/components/progress/weak-topics";
import { dueText, formatDueDate } from "@/lib/domain/due-dates";
import { percent, plural } from "@/lib/domain/format";
import type { ClassProgress } from "@/lib/http/contracts";
import { AssignDeckForm } from "./assign-deck-form";
import { ClassActionButton } from "./class-action-button";
import { ClassMembers, memberLabel } from "./class-members";
import { JoinSettings } from "./join-settings";
import { ProgressTable } from "./progress-table";

type Props = {
  progress: ClassProgress;
  /** The decks the owner may assign: published ones (assignDeck refuses drafts). */
  decks: { id: string; label: string }[];
  timeZone: string;
};

/** The owner's and admins' view of a class: how to join it, what is assigned, and how the members are doing. */
export function ClassDashboard({ progress, decks, timeZone }: Props) {
  const classId = progress.class.id;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/classes">Classes</Link> / {progress.class.name}
      </p>
      <h1>{progress.class.name}</h1>

      <section aria-labelledby="join-heading">
        <h2 id="join-heading">Join</h2>
        <p className="muted">
          Members join with this link or code, after being told that you will see their results on the decks assigned
          here, and nothing else of theirs.
        </p>
        <JoinSettings settings={progress.class} />
      </section>

      <section aria-labelledby="assignments-heading">
        <h2 id="assignments-heading">Assignments</h2>
        {progress.assignments.length === 0 ? (
          <p className="muted">Nothing assigned yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Deck</th>
                <th scope="col">Due</th>
                <th scope="col">Members behind</th>
                <th scope="col">Mean mastery</th>
                <th scope="col">Item statistics</th>
                <th scope="col">Remove</th>
              </tr>
            </thead>
            <tbody>
              {progress.assignments.map((assignment) => (
                <tr key={assignment.deckId}>
                  <th scope="row">
                    <Link href={`/decks/${assignment.deckId}`}>{assignment.title}</Link>
                  </th>
                  <td>{formatDueDate(assignment.dueDate, timeZone)}</td>
                  <td>{assignment.membersBehind}</td>
                  <td>{percent(assignment.meanMastery)}</td>
                  <td>
                    <Link href={`/classes/${classId}/decks/${assignment.deckId}`}>
                      Class statistics<span className="visually-hidden"> for {assignment.title}</span>
                    </Link>
                  </td>
                  <td>
                    <ClassActionButton
                      url={`/api/classes/${classId}/assignments/${assignment.deckId}`}
                      method="DELETE"
                      label={`Remove ${assignment.title}`}
                    >
                      Remove
                    </ClassActionButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <AssignDeckForm classId={classId} decks={decks} timeZone={timeZone} />
        <p className="muted">Assigning a deck that is already assigned changes its due date.</p>
      </section>

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">Progress</h2>
        <p className="muted">
          Answered counts answers (with the questions seen at least once); mastery is the share of the deck a member
          would get right today. Behind: the due date has passed with questions never answered.
        </p>
        {progress.members.length === 0 || progress.assignments.length === 0 ? (
          <p className="muted">
            {plural(progress.members.length, "member")} and {plural(progress.assignments.length, "assigned deck")}: the
            table fills in once there are both.
          </p>
        ) : (
          <ProgressTable
            columns={progress.assignments.map((assignment) => ({
              deckId: assignment.deckId,
              title: assignment.title,
              due: dueText(assignment.dueDate, timeZone),
            }))}
            rows={progress.members.map((member) => ({
              userId: member.userId,
              label: memberLabel(member),
              decks: member.decks,
            }))}
          />
        )}
        <p>
          <a href={`/api/classes/${classId}/progress/export`} download>
            Download CSV
          </a>
        </p>
      </section>

      <section aria-labelledby="weakest-heading">
        <h2 id="weakest-heading">Weakest topics</h2>
        <WeakTopics
          topics={progress.weakestTopics}
          empty="Once members have answered at least three questions of a topic's assigned decks, the weakest show here."
        />
      </section>

      <ClassMembers classId={classId} className={progress.class.name} members={progress.members} />
    </>
  );
}
