import type { MemberFact } from "@/lib/domain/class-progress";
import { ClassActionButton } from "./class-action-button";

/** How the dashboard names a member: their name, else their email. */
export function memberLabel(member: MemberFact): string {
  return member.name ?? member.email ?? "A member without a name";
}

type Props = { classId: string; className: string; members: MemberFact[] };

/** The members with a button to remove each, and the class's deletion; both ask first. */
export function ClassMembers({ classId, className, members }: Props) {
  return (
    <>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        {members.length === 0 ? (
          <p className="muted">Nobody has joined yet: share the join link.</p>
        ) : (
          <ul className="class-list">
            {members.map((member) => {
              const label = memberLabel(member);
              return (
                <li key={member.userId}>
                  {label}
                  {member.name && member.email ? <small className="muted"> {member.email}</small> : null}{" "}
                  <ClassActionButton
                    url={`/api/classes/${classId}/members/${member.userId}`}
                    method="DELETE"
                    label={`Remove ${label}`}
                    confirm={`They leave ${className}. Their answers stay theirs; they can join again while joining is open.`}
                  >
                    Remove
                  </ClassActionButton>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete the class</h2>
        <p className="muted">
          Members keep their answers and progress; only the class, its members list and its assignments go.
        </p>
        <ClassActionButton
          url={`/api/classes/${classId}`}
          method="DELETE"
          confirm={`${className} goes, with its assignments and its join code. Members keep their answers and progress.`}
          then="/classes"
          className="button button--danger"
        >
          Delete class
        </ClassActionButton>
      </section>
    </>
  );
}
