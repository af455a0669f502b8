"use server";
import { signOut } from "@/lib/auth/auth";
import { getSessionUser } from "@/lib/auth/session";
import { noteSessionVersion } from "@/lib/auth/session-version";
import { deleteUser } from "@/lib/data/accounts";
import { db } from "@/lib/data/db";
import { deleteAccountSchema } from "@/lib/schemas/account";
import type { FormState } from "./form-state";

/**
 * Deletes the signed-in user's account and everything recorded for them, then signs them out; their
 * sessions elsewhere end with the user (lib/auth/session-version.ts). The last admin is refused.
 */
export async function deleteAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) return { error: "Sign in to delete your account." };
  const parsed = deleteAccountSchema.safeParse({ confirmEmail: formData.get("confirmEmail") ?? "" });
  if (!parsed.success || !user.email || parsed.data.confirmEmail !== user.email.toLowerCase()) {
    return { fieldErrors: { confirmEmail: "Type your account's email address to confirm." } };
  }
  const result = await deleteUser(db, user.id);
  if (!result.ok) return { error: result.error };
  noteSessionVersion(user.id, undefined);
  await signOut({ redirectTo: "/?account=deleted" });
  return {};
}
