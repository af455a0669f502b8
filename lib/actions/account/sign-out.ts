"use server";
import { z } from "zod";
import { signOut } from "@/lib/auth/auth";
import { validatedFormAction } from "../action";

export const signOutAction = validatedFormAction(z.object({}), async () => {
  await signOut({ redirectTo: "/" });
});
