"use server";
import { z } from "zod";
import { isGitHubEnabled, signIn } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/http/safe-redirect";
import { validatedFormAction } from "../action";

export const signInWithGitHubAction = validatedFormAction(
  z.object({ callbackUrl: z.string().optional() }),
  async ({ callbackUrl }) => {
    if (!isGitHubEnabled) return;
    await signIn("github", { redirectTo: safeReturnPath(callbackUrl) });
  },
);
