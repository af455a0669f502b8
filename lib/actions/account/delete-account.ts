"use server";
import { signOut } from "@/lib/auth/auth";
import { noteSessionVersion } from "@/lib/auth/session-version";
import { deleteUser } from "@/lib/data/accounts";
import { db } from "@/lib/data/db";
import { invalid, ok } from "@/lib/outcome";
import { CONFIRM_DELETION, deleteAccountSchema } from "@/lib/schemas/account";
import { validatedActionWithUser } from "../action";

/**
 * Deletes the signed-in user's account and everything recorded for them, then signs them out; their
 * sessions elsewhere end with the user (lib/auth/session-version.ts). The last admin is refused.
 */
export const deleteAccountAction = validatedActionWithUser(
  deleteAccountSchema,
  async ({ confirmEmail }, user) => {
    if (!user.email || confirmEmail !== user.email.toLowerCase()) return invalid("confirmEmail", CONFIRM_DELETION);
    const deleted = await deleteUser(db, user.id);
    if (!deleted.ok) return deleted;
    noteSessionVersion(user.id, undefined);
    await signOut({ redirectTo: "/?account=deleted" });
    return ok({});
  },
  { signedOut: "Sign in to delete your account." },
);
