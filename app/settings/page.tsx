import type { Metadata } from "next";
import { AuthForm } from "@/components/account/auth-form";
import { DeleteAccountForm, DesiredRetentionForm } from "@/components/account/settings-forms";
import { changePasswordAction } from "@/lib/actions/account/change-password";
import { signOutEverywhereAction } from "@/lib/actions/account/sign-out-everywhere";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/data/db";
import { findDesiredRetention, hasPassword } from "@/lib/data/users";
import { DEFAULT_DESIRED_RETENTION } from "@/lib/domain/scheduling";
import { PASSWORD_MIN } from "@/lib/schemas/account";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: PageProps<"/settings">) {
  const user = await requirePageUser("/settings");
  const { password } = await searchParams;
  const [retention, withPassword] = await Promise.all([findDesiredRetention(db, user.id), hasPassword(db, user.id)]);
  return (
    <section className="narrow">
      <h1>Settings</h1>
      <p className="muted">Signed in as {user.email ?? user.name}.</p>
      <h2>Spaced repetition</h2>
      <DesiredRetentionForm current={retention ?? DEFAULT_DESIRED_RETENTION} />
      {withPassword ? (
        <>
          <h2>Password</h2>
          {password === "changed" ? <p role="status">Password changed. Every other device is signed out.</p> : null}
          <AuthForm
            action={changePasswordAction}
            submitLabel="Change password"
            fields={[
              {
                name: "currentPassword",
                label: "Current password",
                type: "password",
                autoComplete: "current-password",
              },
              {
                name: "newPassword",
                label: "New password",
                type: "password",
                autoComplete: "new-password",
                hint: `At least ${PASSWORD_MIN} characters.`,
              },
            ]}
          />
        </>
      ) : null}
      <h2>Devices</h2>
      <p>
        Signs you out here and on every other device and browser, within a minute. Use it if you signed in on a computer
        that is not yours.
      </p>
      <form action={signOutEverywhereAction}>
        <button type="submit" className="button">
          Sign out of all devices
        </button>
      </form>
      <h2>Your data</h2>
      <p>
        <a href="/api/me/export" download>
          Download every answer you have given (CSV)
        </a>
      </p>
      <h2>Delete your account</h2>
      <p>This removes your account, every answer and every review schedule at once. It cannot be undone.</p>
      <DeleteAccountForm />
    </section>
  );
}
