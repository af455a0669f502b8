"use server";
import { CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { knownDevice } from "@/lib/auth/device-cookie";
import { noteSessionVersion } from "@/lib/auth/session-version";
import { changePassword } from "@/lib/data/accounts";
import { db } from "@/lib/data/db";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { changePasswordSchema } from "@/lib/schemas/account";
import { validatedActionWithUser } from "../action";

/**
 * Changes the signed-in user's password after checking the current one. Every session issued before,
 * this browser's included, ends; this browser then signs in again with the new password, so only the
 * other devices are signed out.
 */
export const changePasswordAction = validatedActionWithUser(
  changePasswordSchema,
  async (input, user) => {
    const ip = clientIp(await headers(), env.TRUST_PROXY);
    const changed = await changePassword(
      db,
      { userId: user.id, ...input, ip, device: await knownDevice() },
      new Date(),
    );
    if (!changed.ok) return changed;
    noteSessionVersion(user.id, changed.value.sessionVersion);
    try {
      await signIn("credentials", { email: changed.value.email, password: input.newPassword, redirect: false });
    } catch (error) {
      // Only a sign-in limit reached in between can refuse the new password; the change itself is done.
      if (error instanceof CredentialsSignin) redirect("/sign-in?callbackUrl=/settings");
      throw error;
    }
    // A redirect, not a re-render of this request: Auth.js reads the session from the request's headers,
    // which still carry the old token; the redirected request carries the new one.
    redirect("/settings?password=changed");
  },
  { signedOut: "Sign in to change your password." },
);
