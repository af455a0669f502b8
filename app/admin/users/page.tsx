import type { Metadata } from "next";
import { RoleForm } from "@/components/admin/role-form";
import { canAdminister, isRole } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { db } from "@/lib/data/db";
import { listUsers } from "@/lib/data/users";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage() {
  await requirePageRole("/admin/users", canAdminister);
  const users = await listUsers(db);
  return (
    <>
      <h1>Users</h1>
      <p className="muted">
        Candidates practise; instructors also see the question bank and its statistics; admins also manage roles.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Joined</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-email={user.email ?? undefined}>
              <th scope="row">{user.email ?? "(no email)"}</th>
              <td>{user.name ?? "–"}</td>
              <td>{user.createdAt.toISOString().slice(0, 10)}</td>
              <td>
                {isRole(user.role) ? (
                  <RoleForm userId={user.id} email={user.email ?? user.id} role={user.role} />
                ) : (
                  user.role
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
