"use server";
import { CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { INVALID_SIGN_IN, TOO_MANY_SIGN_INS } from "@/lib/data/accounts";
import { safeReturnPath } from "@/lib/http/safe-redirect";
import { fail, refuse } from "@/lib/outcome";
import { signInSchema } from "@/lib/schemas/account";
import { validatedAction } from "../action";

export const signInAction = validatedAction(
  signInSchema,
  async (input, formData) => {
    try {
      // The credentials provider (lib/auth/auth.ts) checks the rate limits and the password.
      await signIn("credentials", { ...input, redirect: false });
    } catch (error) {
      if (!(error instanceof CredentialsSignin)) throw error;
      return error.code === "rate-limited"
        ? fail({ code: "rate-limited", message: TOO_MANY_SIGN_INS })
        : refuse("unauthorized", INVALID_SIGN_IN);
    }
    redirect(safeReturnPath(formData.get("callbackUrl")));
  },
  { refill: ["email"] },
);
