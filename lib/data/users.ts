import "server-only";
import { isRole, type Role } from "@/lib/auth/roles";
import type { PrismaClient } from "@/prisma/generated/client";

type Client = Pick<PrismaClient, "user">;

/** The user's FSRS desired retention, or undefined when the user no longer exists. */
export async function findDesiredRetention(client: Client, userId: string): Promise<number | undefined> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { desiredRetention: true } });
  return user?.desiredRetention;
}

export async function setDesiredRetention(client: Client, userId: string, desiredRetention: number): Promise<void> {
  await client.user.update({ where: { id: userId }, data: { desiredRetention } });
}

/** The user's role as stored now (never from the session token, which can be minutes stale). */
export async function findRole(client: Client, userId: string): Promise<Role | undefined> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user && isRole(user.role) ? user.role : undefined;
}
