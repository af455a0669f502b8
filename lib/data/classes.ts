import "server-only";
import { canAuthor, canManageClass, classManageRefusal, type Actor } from "@/lib/auth/roles";
import { CLASS_LIMITS, newJoinCode, type RandomBytes } from "@/lib/domain/classes";
import { JOIN_LIMIT } from "@/lib/domain/rate-limit";
import type { AssignmentSaved, ClassCreated, ClassJoined, ClassList, ClassRemoved, ClassSettings } from "@/lib/http/contracts";
import { fail, ok, refuse, type Outcome } from "@/lib/outcome";
import type { AssignDeckInput, CreateClassInput, UpdateClassInput } from "@/lib/schemas/classes";
import type { PrismaClient } from "@/prisma/generated/client";
import { checkDeckVisible } from "./authoring/access";
import { isUniqueViolation } from "./errors";
import { countAttempt } from "./rate-limits";

/**
 * Classes (issue 15): creating and managing one, joining and leaving, assignments. Every function that
 * changes a class checks the actor against it itself (lib/auth/roles.ts canManageClass), so pages and
 * actions may call them directly; routes also ask checkClassManage before reading a body. A member's
 * attempts and cards are never touched here: leaving, removal and deletion only drop rows of these tables.
 */

const SETTINGS = { id: true, name: true, joinCode: true, joinOpen: true } as const;
const NOT_FOUND = "Class not found";
const REMOVED: ClassRemoved = { removed: true };
const TOO_MANY_JOINS = "Too many attempts to join a class: wait 15 minutes and try again.";

/** The rate-limit row counting a user's attempts to join (deleted with the user, lib/data/accounts.ts). */
export function joinLimitKey(userId: string): string {
  return `class-join:user:${userId}`;
}

/** Writes with a fresh join code, drawing another on the (about one in 10^14) collision with a live one. */
async function withNewCode<T>(random: RandomBytes, write: (joinCode: string) => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await write(newJoinCode(random));
    } catch (error) {
      if (!isUniqueViolation(error) || tries >= 3) throw error;
    }
  }
}

export async function isClassMember(client: PrismaClient, classId: string, userId: string): Promise<boolean> {
  const row = await client.classMember.findUnique({ where: { classId_userId: { classId, userId } }, select: { userId: true } });
  return row !== null;
}

/** The class's name for a page title: to those who manage it and to its members, as the pages show it. */
export async function classNameFor(client: PrismaClient, actor: Actor, classId: string): Promise<string | null> {
  const row = await client.class.findUnique({ where: { id: classId }, select: { name: true, ownerId: true } });
  if (!row) return null;
  return canManageClass(actor, row) || (await isClassMember(client, classId, actor.id)) ? row.name : null;
}

/** The class's settings, if the actor manages it: forbidden to its members, not found to anyone else. */
export async function checkClassManage(client: PrismaClient, actor: Actor, classId: string): Promise<Outcome<ClassSettings>> {
  const row = await client.class.findUnique({ where: { id: classId }, select: { ...SETTINGS, ownerId: true } });
  if (!row) return refuse("not-found", NOT_FOUND);
  const { ownerId, ...settings } = row;
  if (canManageClass(actor, { ownerId })) return ok(settings);
  const refused = classManageRefusal(actor, { ownerId }, await isClassMember(client, classId, actor.id));
  return refused === "forbidden" ? refuse("forbidden", "Only the class's owner or an admin may do this") : refuse("not-found", NOT_FOUND);
}

/** A new class owned by the actor, an instructor or admin, open for joining. */
export async function createClass(client: PrismaClient, actor: Actor, input: CreateClassInput, random: RandomBytes): Promise<Outcome<ClassCreated>> {
  if (!canAuthor(actor.role)) return refuse("forbidden", "Only instructors and admins make classes");
  if ((await client.class.count({ where: { ownerId: actor.id } })) >= CLASS_LIMITS.ownedClasses) {
    return refuse("conflict", `You have ${CLASS_LIMITS.ownedClasses} classes already: delete one first`);
  }
  const row = await withNewCode(random, (joinCode) =>
    client.class.create({ data: { name: input.name, ownerId: actor.id, joinCode }, select: { id: true, joinCode: true } }),
  );
  return ok(row);
}

/** Renames the class, opens or closes joining, or replaces its code, after which the old one finds nothing. */
export async function updateClass(
  client: PrismaClient,
  actor: Actor,
  classId: string,
  input: UpdateClassInput,
  random: RandomBytes,
): Promise<Outcome<ClassSettings>> {
  const access = await checkClassManage(client, actor, classId);
  if (!access.ok) return access;
  const data = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.joinOpen !== undefined ? { joinOpen: input.joinOpen } : {}),
  };
  const update = (joinCode?: string) =>
    client.class.update({ where: { id: classId }, data: joinCode ? { ...data, joinCode } : data, select: SETTINGS });
  return ok(input.rotateCode ? await withNewCode(random, update) : await update());
}

/** Deletes the class with its memberships and assignments; the members' answers and progress stay theirs. */
export async function deleteClass(client: PrismaClient, actor: Actor, classId: string): Promise<Outcome<ClassRemoved>> {
  const access = await checkClassManage(client, actor, classId);
  if (!access.ok) return access;
  await client.class.deleteMany({ where: { id: classId } });
  return ok(REMOVED);
}

type CodeHolder = { id: string; name: string; ownerId: string; joinOpen: boolean; members: number };

/**
 * The class holding the code, counted against the user's join limit before it is looked up, so neither
 * joining nor the join page can be used to search for codes.
 */
async function findByCode(client: PrismaClient, userId: string, joinCode: string, now: Date): Promise<Outcome<CodeHolder>> {
  const { exceeded } = await countAttempt(client, [{ key: joinLimitKey(userId), limit: JOIN_LIMIT }], now);
  if (exceeded) return fail({ code: "rate-limited", message: TOO_MANY_JOINS, retryAfterMs: exceeded.retryAfterMs });
  const row = await client.class.findUnique({
    where: { joinCode },
    select: { id: true, name: true, ownerId: true, joinOpen: true, _count: { select: { members: true } } },
  });
  if (!row) return refuse("not-found", "No class has this code: check it with your instructor");
  const { _count, ...holder } = row;
  return ok({ ...holder, members: _count.members });
}

export type JoinPreview = { id: string; name: string; joinOpen: boolean; member: boolean };

/** What the join page (/join/<code>) shows before the user confirms: counted like joining itself. */
export async function previewJoin(client: PrismaClient, userId: string, joinCode: string, now: Date): Promise<Outcome<JoinPreview>> {
  const found = await findByCode(client, userId, joinCode, now);
  if (!found.ok) return found;
  const { id, name, joinOpen } = found.value;
  return ok({ id, name, joinOpen, member: await isClassMember(client, id, userId) });
}

/**
 * Joins the class whose code this is. A member joining again is told the class (also once joining is
 * closed); the owner cannot join their own class.
 */
export async function joinClass(client: PrismaClient, userId: string, joinCode: string, now: Date): Promise<Outcome<ClassJoined>> {
  const found = await findByCode(client, userId, joinCode, now);
  if (!found.ok) return found;
  const row = found.value;
  const joined = ok({ id: row.id, name: row.name });
  if (await isClassMember(client, row.id, userId)) return joined;
  if (row.ownerId === userId) return refuse("conflict", "You own this class: share its code with your candidates");
  if (!row.joinOpen) return refuse("forbidden", "This class is not taking new members: ask your instructor");
  if (row.members >= CLASS_LIMITS.members) return refuse("conflict", "This class is full: ask your instructor");
  try {
    await client.classMember.create({ data: { classId: row.id, userId } });
  } catch (error) {
    // The same user joining twice at once: the other request made them a member.
    if (!isUniqueViolation(error)) throw error;
  }
  return joined;
}

/** The caller leaves a class they are a member of; to anyone else the class is not found. */
export async function leaveClass(client: PrismaClient, userId: string, classId: string): Promise<Outcome<ClassRemoved>> {
  const { count } = await client.classMember.deleteMany({ where: { classId, userId } });
  return count > 0 ? ok(REMOVED) : refuse("not-found", NOT_FOUND);
}

export async function removeMember(client: PrismaClient, actor: Actor, classId: string, userId: string): Promise<Outcome<ClassRemoved>> {
  const access = await checkClassManage(client, actor, classId);
  if (!access.ok) return access;
  const { count } = await client.classMember.deleteMany({ where: { classId, userId } });
  return count > 0 ? ok(REMOVED) : refuse("not-found", "Member not found");
}

/**
 * Assigns a deck the actor may see in the bank (lib/auth/roles.ts canSeeDeck: built-in, published, or
 * their own), or sets the due date of one already assigned. A draft is refused: members could not practise it.
 */
export async function assignDeck(client: PrismaClient, actor: Actor, classId: string, input: AssignDeckInput): Promise<Outcome<AssignmentSaved>> {
  const access = await checkClassManage(client, actor, classId);
  if (!access.ok) return access;
  const visible = await checkDeckVisible(client, actor, input.deckId);
  if (!visible.ok) return visible;
  if (visible.value.deck.status !== "published") return refuse("conflict", "Publish the deck before assigning it");
  const where = { classId_deckId: { classId, deckId: input.deckId } };
  const assigned = await client.classAssignment.findUnique({ where, select: { deckId: true } });
  if (!assigned && (await client.classAssignment.count({ where: { classId } })) >= CLASS_LIMITS.assignments) {
    return refuse("conflict", `A class holds at most ${CLASS_LIMITS.assignments} assigned decks`);
  }
  const upsert = () =>
    client.classAssignment.upsert({
      where,
      create: { classId, deckId: input.deckId, dueDate: input.dueDate },
      update: { dueDate: input.dueDate },
      select: { classId: true, deckId: true, dueDate: true },
    });
  // Two assignments of the same deck at once: the later insert fails on the key, and the row is there to update.
  const row = await upsert().catch((error: unknown) => {
    if (isUniqueViolation(error)) return upsert();
    throw error;
  });
  return ok({ ...row, dueDate: row.dueDate?.toISOString() ?? null });
}

export async function unassignDeck(client: PrismaClient, actor: Actor, classId: string, deckId: string): Promise<Outcome<ClassRemoved>> {
  const access = await checkClassManage(client, actor, classId);
  if (!access.ok) return access;
  const { count } = await client.classAssignment.deleteMany({ where: { classId, deckId } });
  return count > 0 ? ok(REMOVED) : refuse("not-found", "Assignment not found");
}

/** The classes page: the classes the user owns (with their codes) and the ones they are a member of. */
export async function listClasses(client: PrismaClient, userId: string): Promise<ClassList> {
  const [owned, joined] = await Promise.all([
    client.class.findMany({
      where: { ownerId: userId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { ...SETTINGS, _count: { select: { members: true, assignments: true } } },
    }),
    client.classMember.findMany({
      where: { userId },
      orderBy: [{ joinedAt: "desc" }, { classId: "asc" }],
      select: { class: { select: { id: true, name: true, owner: { select: { name: true } } } } },
    }),
  ]);
  return {
    owned: owned.map(({ _count, ...settings }) => ({ ...settings, members: _count.members, assignments: _count.assignments })),
    joined: joined.map(({ class: row }) => ({ id: row.id, name: row.name, ownerName: row.owner.name })),
  };
}
