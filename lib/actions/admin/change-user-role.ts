"use server";
import { revalidatePath } from "next/cache";
import { canAdminister, ONLY_ADMINS_CHANGE_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/data/db";
import { changeRole } from "@/lib/data/users";
import { ok } from "@/lib/outcome";
import { changeRoleSchema } from "@/lib/schemas/account";
import { validatedActionWithUser } from "../action";

/** Changes a user's role; changeRole checks again, inside its transaction, that the caller is an admin. */
export const changeUserRoleAction = validatedActionWithUser(
  changeRoleSchema,
  async ({ userId, role }, user) => {
    const changed = await changeRole(db, user.id, userId, role);
    if (!changed.ok) return changed;
    revalidatePath("/admin/users");
    return ok({ values: { role } });
  },
  {
    signedOut: "Sign in as an admin to change roles.",
    role: { allowed: canAdminister, refused: ONLY_ADMINS_CHANGE_ROLES },
  },
);
