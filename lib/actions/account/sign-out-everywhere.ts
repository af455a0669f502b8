"use server";
import { z } from "zod";
import { signOut } from "@/lib/auth/auth";
import { getSessionUser } from "@/lib/auth/session";
import { noteSessionVersion } from "@/lib/auth/session-version";
import { db } from "@/lib/data/db";
import { raiseSessionVersion } from "@/lib/data/users";
import { validatedFormAction } from "../action";

/**
 * Ends every session of the signed-in user, on every device and server (lib/auth/session-version.ts),
 * this one included. The device cookie stays: this browser remains one the owner signed in from. A
 * session that has ended already is simply signed out.
 */
export const signOutEverywhereAction = validatedFormAction(z.object({}), async () => {
  const user = await getSessionUser();
  if (user) noteSessionVersion(user.id, await raiseSessionVersion(db, user.id));
  await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
});
