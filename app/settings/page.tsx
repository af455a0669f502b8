import type { Metadata } from "next";
import { DeleteAccountForm, DesiredRetentionForm } from "@/components/account/settings-forms";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/data/db";
import { findDesiredRetention } from "@/lib/data/users";
import { DEFAULT_DESIRED_RETENTION } from "@/lib/domain/scheduling";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  const retention = (await findDesiredRetention(db, user.id)) ?? DEFAULT_DESIRED_RETENTION;
  return (
    <section className="narrow">
      <h1>Settings</h1>
      <p className="muted">Signed in as {user.email ?? user.name}.</p>
      <h2>Spaced repetition</h2>
      <DesiredRetentionForm current={retention} />
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
