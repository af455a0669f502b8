"use client";
import { useActionState } from "react";
import { changeUserRoleAction } from "@/lib/actions/admin/change-user-role";
import { ROLES, type Role } from "@/lib/auth/roles";

/** One user's role, changed in place; the server says why when it refuses. */
export function RoleForm({ userId, email, role }: { userId: string; email: string; role: Role }) {
  const [state, action, pending] = useActionState(changeUserRoleAction, {});
  const error = state.error ?? Object.values(state.fieldErrors ?? {})[0];
  return (
    <form action={action} className="role-form">
      <input type="hidden" name="userId" value={userId} />
      <label className="visually-hidden" htmlFor={`role-${userId}`}>
        Role of {email}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={state.values?.role ?? role}>
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--small" disabled={pending}>
        Save<span className="visually-hidden"> role of {email}</span>
      </button>
      {error ? (
        <small role="alert" className="field-error">
          {error}
        </small>
      ) : state.values ? (
        <small role="status">Saved</small>
      ) : null}
    </form>
  );
}
