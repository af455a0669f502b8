import type { Metadata } from "next";
import Link from "next/link";
import { CreateClassForm, JoinCodeForm } from "@/components/classes/class-list-forms";
import { canAuthor } from "@/lib/auth/roles";
import { requirePageUser } from "@/lib/auth/session";
import { listClasses } from "@/lib/data/classes";
import { db } from "@/lib/data/db";
import { findRole } from "@/lib/data/users";

export const metadata: Metadata = { title: "Classes" };

/** The classes the user teaches and the ones they are in, with a form to make one and one to join by code. */
export default async function ClassesPage() {
  const user = await requirePageUser("/classes");
  const [role, classes] = await Promise.all([findRole(db, user.id), listClasses(db, user.id)]);
  const teaches = role !== undefined && canAuthor(role);
  return (
    <>
      <h1>Classes</h1>
      {teaches || classes.owned.length > 0 ? (
        <section aria-labelledby="owned-heading">
          <h2 id="owned-heading">Classes you teach</h2>
          {classes.owned.length === 0 ? (
            <p className="muted">No classes yet: create one, then share its join link with your candidates.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Class</th>
                  <th scope="col">Members</th>
                  <th scope="col">Assigned decks</th>
                  <th scope="col">Joining</th>
                </tr>
              </thead>
              <tbody>
                {classes.owned.map((owned) => (
                  <tr key={owned.id}>
                    <th scope="row">
                      <Link href={`/classes/${owned.id}`}>{owned.name}</Link>
                    </th>
                    <td>{owned.members}</td>
                    <td>{owned.assignments}</td>
                    <td>{owned.joinOpen ? "open" : "closed"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {teaches ? <CreateClassForm /> : null}
        </section>
      ) : null}

      <section aria-labelledby="joined-heading">
        <h2 id="joined-heading">Classes you are in</h2>
        {classes.joined.length === 0 ? (
          <p className="muted">You are not in a class. Your instructor gives you a join link or a code.</p>
        ) : (
          <ul className="class-list">
            {classes.joined.map((joined) => (
              <li key={joined.id}>
                <Link href={`/classes/${joined.id}`}>{joined.name}</Link>
                {joined.ownerName ? <small className="muted"> taught by {joined.ownerName}</small> : null}
              </li>
            ))}
          </ul>
        )}
        <p className="muted">An instructor sees your results only on the decks assigned in their class.</p>
        <JoinCodeForm />
      </section>
    </>
  );
}
