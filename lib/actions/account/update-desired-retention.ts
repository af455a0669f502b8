"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/data/db";
import { setDesiredRetention } from "@/lib/data/users";
import { desiredRetentionSchema } from "@/lib/schemas/account";
import { fieldErrors, type FormState } from "./form-state";

export async function updateDesiredRetentionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) return { error: "Sign in to change your settings." };
  const parsed = desiredRetentionSchema.safeParse({ desiredRetention: formData.get("desiredRetention") });
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error), values: { desiredRetention: String(formData.get("desiredRetention") ?? "") } };
  await setDesiredRetention(db, user.id, parsed.data.desiredRetention);
  revalidatePath("/settings");
  return { values: { desiredRetention: String(parsed.data.desiredRetention) }, error: undefined, fieldErrors: undefined };
}
