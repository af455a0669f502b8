"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/data/db";
import { changeRole } from "@/lib/data/users";
import { changeRoleSchema } from "@/lib/schemas/account";
import type { FormState } from "../account/form-state";

/** Changes a user's role; changeRole checks in the database that the caller is an admin. */
export async function changeUserRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getSessionUser();
  if (!user) return { error: "Sign in as an admin to change roles." };
  const parsed = changeRoleSchema.safeParse({ userId: formData.get("userId"), role: formData.get("role") });
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  const result = await changeRole(db, user.id, parsed.data.userId, parsed.data.role);
  if (!result.ok) return { error: result.error };
  revalidatePath("/admin/users");
  return { values: { role: parsed.data.role } };
}
