"use server";
import { isGitHubEnabled, signIn } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/http/safe-redirect";

export async function signInWithGitHubAction(formData: FormData): Promise<void> {
  if (!isGitHubEnabled) return;
  await signIn("github", { redirectTo: safeReturnPath(formData.get("callbackUrl")) });
}
