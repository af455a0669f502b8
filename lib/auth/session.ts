import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/data/db";
import { findRole } from "@/lib/data/users";
import { auth } from "./auth";
import type { Role } from "./roles";

export type SessionUser = { id: string; email: string | null; name: string | null };

/**
 * The signed-in user, or null. Every page, action and route that touches personal data starts here. Once
 * per request in a page render, whose metadata and body both ask (React's cache).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? { id, email: session.user?.email ?? null, name: session.user?.name ?? null } : null;
});

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages: the signed-in user with their current role, or sign-in, or 403 when `allowed` says no. */
export async function requirePageRole(
  returnTo: string,
  allowed: (role: Role) => boolean,
): Promise<SessionUser & { role: Role }> {
  const user = await requirePageUser(returnTo);
  const role = await findRole(db, user.id);
  if (!role || !allowed(role)) forbidden();
  return { ...user, role };
}
