import "server-only";
import { cache } from "react";
import { isRole, ONLY_ADMINS_CHANGE_ROLES, roleChangeRefusal, type Role } from "@/lib/auth/roles";
import { ok, refuse, type Outcome } from "@/lib/outcome";
import type { PrismaClient } from "@/prisma/generated/client";
import { raiseCacheVersion } from "./cache-versions";
import { dialect } from "./dialect";

type Client = Pick<PrismaClient, "user">;

/** The user's FSRS desired retention, or undefined when the user no longer exists. */
export async function findDesiredRetention(client: Client, userId: string): Promise<number | undefined> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { desiredRetention: true } });
  return user?.desiredRetention;
}

export async function setDesiredRetention(client: Client, userId: string, desiredRetention: number): Promise<void> {
  await client.user.update({ where: { id: userId }, data: { desiredRetention } });
}

/**
 * The user's role as stored now (never from the session token, which can be minutes stale). Once per
 * request in a page render: its metadata and its body both ask (React's cache; outside a render, a plain call).
 */
export const findRole = cache(async (client: Client, userId: string): Promise<Role | undefined> => {
  const user = await client.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user && isRole(user.role) ? user.role : undefined;
});

/** The user's session version (lib/auth/session-version.ts), or undefined when the user no longer exists. */
export async function findSessionVersion(client: Client, userId: string): Promise<number | undefined> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion;
}

/**
 * Raises the session version, which ends every session issued before, with the "sessions" counter that
 * tells other servers (lib/data/cache-versions.ts); returns the new version.
 */
export async function raiseSessionVersion(client: Pick<PrismaClient, "$transaction">, userId: string): Promise<number> {
  return client.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    await raiseCacheVersion(tx, "sessions");
    return user.sessionVersion;
  });
}

/** Whether the user signs in with a password (GitHub-only accounts have none to change). */
export async function hasPassword(client: Pick<PrismaClient, "password">, userId: string): Promise<boolean> {
  return (await client.password.count({ where: { userId } })) > 0;
}

export async function listUsers(client: Client) {
  return client.user.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, email: true, name: true, role: true, createdAt: true } });
}

/**
 * Changes a user's role after checking, in one transaction, that the actor may (lib/auth/roles.ts):
 * the admin count is read inside it, after the dialect's admins lock, so two admins demoting each other at
 * once cannot leave none.
 */
export async function changeRole(client: PrismaClient, actorId: string, targetId: string, next: Role): Promise<Outcome<void>> {
  return client.$transaction(async (tx) => {
    await dialect.lockAdmins(tx);
    const [actor, target, adminCount] = await Promise.all([
      tx.user.findUnique({ where: { id: actorId }, select: { id: true, role: true } }),
      tx.user.findUnique({ where: { id: targetId }, select: { id: true, role: true } }),
      tx.user.count({ where: { role: "admin" } }),
    ]);
    if (!actor || !isRole(actor.role)) return refuse("forbidden", ONLY_ADMINS_CHANGE_ROLES);
    if (!target || !isRole(target.role)) return refuse("not-found", "No such user.");
    const refusal = roleChangeRefusal({ id: actor.id, role: actor.role }, { id: target.id, role: target.role }, next, adminCount);
    if (refusal) return refuse("forbidden", refusal);
    await tx.user.update({ where: { id: targetId }, data: { role: next } });
    return ok(undefined);
  });
}
