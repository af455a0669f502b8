"use server";
import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { safeReturnPath } from "@/lib/http/safe-redirect";
import { signInSchema } from "@/lib/schemas/account";
import { fieldErrors, INVALID_SIGN_IN, TOO_MANY_SIGN_INS, type FormState } from "./form-state";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get("email") ?? "") };
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), values };
  try {
    // The credentials provider (lib/auth/auth.ts) checks the rate limits and the password.
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      return { error: error.code === "rate-limited" ? TOO_MANY_SIGN_INS : INVALID_SIGN_IN, values };
    }
    throw error;
  }
  redirect(safeReturnPath(formData.get("callbackUrl")));
}
