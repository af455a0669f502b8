"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/auth";
import { signUpWithPassword } from "@/lib/data/accounts";
import { db } from "@/lib/data/db";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { safeReturnPath } from "@/lib/http/safe-redirect";
import { signUpSchema } from "@/lib/schemas/account";
import { fieldErrors, minutesFrom, type FormState } from "./form-state";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get("email") ?? ""), name: String(formData.get("name") ?? "") };
  const parsed = signUpSchema.safeParse({ name: formData.get("name") ?? undefined, email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), values };

  const result = await signUpWithPassword(db, { ...parsed.data, ip: clientIp(await headers(), env.TRUST_PROXY) }, new Date());
  if (result.kind === "rate-limited") return { error: `Too many new accounts from this network. Try again in ${minutesFrom(result.retryAfterMs)}.`, values };
  // Without email verification a sign-up cannot hide that an address is registered; the message at
  // least points the owner to signing in.
  if (result.kind === "email-taken") return { error: "This email cannot be used for a new account. If it is yours, sign in instead.", values };

  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  redirect(safeReturnPath(formData.get("callbackUrl")));
}
