import "server-only";
import { getSessionUser } from "@/lib/auth/session";
import { classNameFor } from "@/lib/data/classes";
import { db } from "@/lib/data/db";
import { findRole } from "@/lib/data/users";

/**
 * A class page's title: the class's name to those who may see it (its owner, admins, its members), so
 * tabs and screen readers tell classes apart; `fallback` to anyone else, whom the page itself turns away.
 */
export async function classTitle(classId: string, fallback: string, suffix = ""): Promise<string> {
  const user = await getSessionUser();
  const role = user ? await findRole(db, user.id) : null;
  const name = user && role ? await classNameFor(db, { id: user.id, role }, classId) : null;
  return name ? `${name}${suffix}` : fallback;
}
