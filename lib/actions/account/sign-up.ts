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
import { validatedAction } from "../action";

export const signUpAction = validatedAction(
  signUpSchema,
  async (input, formData) => {
    const created = await signUpWithPassword(
      db,
      { ...input, ip: clientIp(await headers(), env.TRUST_PROXY) },
      new Date(),
    );
    if (!created.ok) return created;
    await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    redirect(safeReturnPath(formData.get("callbackUrl")));
  },
  { refill: ["email", "name"] },
);
