"use server";
import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { knownDevice } from "@/lib/auth/device-cookie";
import { getSessionUser } from "@/lib/auth/session";
import { noteSessionVersion } from "@/lib/auth/session-version";
import { changePassword } from "@/lib/data/accounts";
import { db } from "@/lib/data/db";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { changePasswordSchema } from "@/lib/schemas/account";
import { fieldErrors, TOO_MANY_SIGN_INS, type FormState } from "./form-state";

/**
 * Changes the signed-in user's password after checking the current one. Every session issued before,
 * this browser's included, ends; this browser then signs in again with the new password, so only the
 * other devices are signed out.
 */
export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) return { error: "Sign in to change your password." };
  const parsed = changePasswordSchema.safeParse({ currentPassword: formData.get("currentPassword"), newPassword: formData.get("newPassword") });
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error) };

  const ip = clientIp(await headers(), env.TRUST_PROXY);
  const result = await changePassword(db, { userId: user.id, ...parsed.data, ip, device: await knownDevice() }, new Date());
  if (result.kind === "rate-limited") return { error: TOO_MANY_SIGN_INS };
  if (result.kind === "invalid") return { fieldErrors: { currentPassword: "The current password is not right." } };
  noteSessionVersion(user.id, result.sessionVersion);
  try {
    await signIn("credentials", { email: result.email, password: parsed.data.newPassword, redirect: false });
  } catch (error) {
    // Only a sign-in limit reached in between can refuse the new password; the change itself is done.
    if (error instanceof CredentialsSignin) redirect("/sign-in?callbackUrl=/settings");
    throw error;
  }
  // A redirect, not a re-render of this request: Auth.js reads the session from the request's headers,
  // which still carry the old token; the redirected request carries the new one.
  redirect("/settings?password=changed");
}
