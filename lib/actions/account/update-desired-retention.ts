"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/data/db";
import { setDesiredRetention } from "@/lib/data/users";
import { ok } from "@/lib/outcome";
import { desiredRetentionSchema } from "@/lib/schemas/account";
import { validatedActionWithUser } from "../action";

export const updateDesiredRetentionAction = validatedActionWithUser(
  desiredRetentionSchema,
  async ({ desiredRetention }, user) => {
    await setDesiredRetention(db, user.id, desiredRetention);
    revalidatePath("/settings");
    return ok({ values: { desiredRetention: String(desiredRetention) } });
  },
  { signedOut: "Sign in to change your settings.", refill: ["desiredRetention"] },
);
