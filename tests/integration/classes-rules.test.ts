import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ClassCreated, ClassList, ClassProgress, ClassSettings, MyAssignments } from "@/lib/http/contracts";
import { classTestbed } from "@/tests/support/class-testbed";
import { testDatabaseKind } from "@/tests/support/fresh-database";
import { codeOf, valueOf } from "@/tests/support/outcome";

/** The classes API's rules one by one (issue 15); the authorization matrix is classes-api.test.ts. */
const { db, api, id, createUser, json, deck, classroom, answer, shared } = await classTestbed();
const { createClass, previewJoin, joinLimitKey, classNameFor } = await import("@/lib/data/classes");
const { deleteUser } = await import("@/lib/data/accounts");
const { loadClassProgress } = await import("@/lib/data/class-progress");
const { retrievability } = await import("@/lib/domain/scheduling");
const { dialect } = await import("@/lib/data/dialect");
const { Prisma } = await import("@/prisma/generated/client");

describe(`classes: the rules against ${testDatabaseKind()}`, () => {
  it("creates a class with a code members join by typing it or by its link; 400 names the field", async () => {
    const created = await api.create("owner", { name: "  Spring cohort  " });
    expect(created.status).toBe(201);
    const { id: classId, joinCode } = await json<ClassCreated>(created);
    expect(joinCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    const typed = `${joinCode.slice(0, 5).toLowerCase()}-${joinCode.slice(5)}`;
    expect(await json(await api.join("candidate", typed))).toEqual({ id: classId, name: "Spring cohort" });
    expect((await api.join("other", `https://mlprep.example/join/${joinCode}`)).status).toBe(200);
    expect(await db.classMember.count({ where: { classId } })).toBe(2);
    for (const [reply, field] of [
      [await api.create("owner", { name: "" }), "name"],
      [await api.create("owner", { name: "x".repeat(101) }), "name"],
      [await api.join("candidate", "O0O0O0O0O0"), "code"],
      [await api.patch("owner", classId, {}), "body"],
      [await api.assign("owner", classId, { deckId: shared().deckId, dueDate: "tomorrow" }), "dueDate"],
    ] as const) {
      expect(reply.status).toBe(400);
      expect((await json<{ field: string }>(reply)).field).toBe(field);
    }
    expect((await api.join("candidate", "ABCDEFGH23")).status).toBe(404);
  });

  it("names a class, for page titles, to its owner, admins and members, and to no one else", async () => {
    const { classId } = await classroom();
    const { name } = await db.class.findUniqueOrThrow({ where: { id: classId } });
    const nameFor = (who: string, role: "candidate" | "instructor" | "admin") =>
      classNameFor(db, { id: id(who), role }, classId);
    expect(await nameFor("owner", "instructor")).toBe(name);
    expect(await nameFor("admin", "admin")).toBe(name);
    expect(await nameFor("member", "candidate")).toBe(name);
    expect(await nameFor("candidate", "candidate")).toBeNull();
    expect(await nameFor("other", "instructor")).toBeNull();
    expect(await classNameFor(db, { id: id("admin"), role: "admin" }, "no-such-class")).toBeNull();
  });

  it("refuses new members while joining is closed, and a rotated code replaces the old one", async () => {
    const { classId, joinCode } = await classroom();
    const closed = await json<ClassSettings>(await api.patch("owner", classId, { joinOpen: false }));
    expect(closed).toMatchObject({ id: classId, joinCode, joinOpen: false });
    expect((await api.join("candidate", joinCode)).status).toBe(403);
    // Members already in stay in, and joining again tells them so.
    expect((await api.join("member", joinCode)).status).toBe(200);
    const rotated = await json<ClassSettings>(await api.patch("admin", classId, { joinOpen: true, rotateCode: true }));
    expect(rotated.joinCode).not.toBe(joinCode);
    expect((await api.join("candidate", joinCode)).status).toBe(404);
    expect((await api.join("candidate", rotated.joinCode)).status).toBe(200);
  });

  it("limits joining to 10 attempts per user in 15 minutes (429 with Retry-After), right code or not", async () => {
    const { joinCode } = await classroom();
    await createUser("guesser", "candidate");
    for (let index = 0; index < 10; index += 1) expect((await api.join("guesser", "ABCDEFGH23")).status).toBe(404);
    const refused = await api.join("guesser", joinCode);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await api.join("candidate", joinCode)).status).toBe(200);
  });

  it("assigns decks the owner may see, and only published ones", async () => {
    const { classId } = await classroom();
    const othersDraft = await deck("other", { publish: false });
    const othersPublished = await deck("other");
    const ownDraft = await deck("owner", { publish: false });
    await db.deck.create({
      data: {
        id: `builtin-${classId}`,
        title: "Built in",
        topic: "metrics",
        description: "Shipped.",
        level: "beginner",
        contentHash: "x",
      },
    });
    expect((await api.assign("owner", classId, { deckId: othersDraft.deckId })).status).toBe(404);
    expect((await api.assign("owner", classId, { deckId: "no-such-deck" })).status).toBe(404);
    expect((await api.assign("owner", classId, { deckId: ownDraft.deckId })).status).toBe(409);
    expect((await api.assign("admin", classId, { deckId: othersDraft.deckId })).status).toBe(409);
    expect((await api.assign("owner", classId, { deckId: othersPublished.deckId })).status).toBe(201);
    expect((await api.assign("owner", classId, { deckId: `builtin-${classId}` })).status).toBe(201);
    // Assigning again sets the due date.
    const again = await api.assign("owner", classId, { deckId: shared().deckId, dueDate: "2030-06-30T23:59:59+02:00" });
    expect(await json(again)).toEqual({ classId, deckId: shared().deckId, dueDate: "2030-06-30T21:59:59.000Z" });
    expect(await db.classAssignment.count({ where: { classId } })).toBe(3);
    expect((await api.unassign("owner", classId, othersPublished.deckId)).status).toBe(200);
    expect((await api.unassign("owner", classId, othersPublished.deckId)).status).toBe(404);
  });

  it("shows members their assignments with how much is done, overdue marked, and nobody else's", async () => {
    const { classId } = await classroom();
    const past = new Date(Date.now() - 86_400_000).toISOString();
    await api.assign("owner", classId, { deckId: shared().deckId, dueDate: past });
    await answer("member", shared().questionIds[0]!, true);
    const { assignments } = await json<MyAssignments>(await api.mine("member"));
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatchObject({
      classId,
      deckId: shared().deckId,
      dueDate: past,
      answered: 1,
      total: 2,
      overdue: true,
    });
    expect(assignments[0]!.mastery).toBeGreaterThan(0.4);
    expect(assignments[0]!.mastery).toBeLessThanOrEqual(0.5);
    expect((await json<MyAssignments>(await api.mine("candidate"))).assignments).toEqual([]);
    expect((await api.leave("member", classId)).status).toBe(200);
    expect((await json<MyAssignments>(await api.mine("member"))).assignments).toEqual([]);
    expect((await api.leave("member", classId)).status).toBe(404);
  });

  it("reports members' results on assigned decks only, from members only", async () => {
    const { classId, joinCode } = await classroom();
    const unassigned = await deck("owner");
    await api.join("candidate", joinCode);
    await answer("member", shared().questionIds[0]!, true);
    await answer("member", shared().questionIds[0]!, false);
    await answer("member", shared().questionIds[1]!, true);
    await answer("member", unassigned.questionIds[0]!, true);
    await answer("other", shared().questionIds[0]!, false);
    const progress = await json<ClassProgress>(await api.progress("owner", classId));
    expect(progress.class).toMatchObject({ id: classId, joinCode, joinOpen: true });
    expect(progress.assignments.map((assignment) => assignment.deckId)).toEqual([shared().deckId]);
    expect(progress.members.map((member) => [member.email, member.decks.map((entry) => entry.deckId)])).toEqual([
      ["member@example.com", [shared().deckId]],
      ["candidate@example.com", [shared().deckId]],
    ]);
    expect(progress.members[0]!.decks[0]).toMatchObject({
      questions: 2,
      seen: 2,
      answered: 3,
      correct: 2,
      behind: false,
    });
    expect(progress.members[0]!.decks[0]!.mastery).toBeGreaterThan(0);
    expect(progress.members[1]!.decks[0]).toMatchObject({ answered: 0, mastery: 0 });
    // The cards come back as text (lib/data/class-progress.ts): mastery is still exactly ts-fsrs over the
    // cards as Prisma reads them (fractional stabilities, reviews with milliseconds), days later.
    const later = new Date(Date.now() + 3 * 86_400_000 + 123);
    // A stability only 17 significant digits carry (SQLite's CAST to text keeps 15).
    await db.reviewCard.updateMany({
      where: { userId: id("member"), questionId: shared().questionIds[1]! },
      data: { stability: 7 / 3 },
    });
    const direct = valueOf(await loadClassProgress(db, { id: id("owner"), role: "instructor" }, classId, later));
    const cards = await db.reviewCard.findMany({
      where: { userId: id("member"), questionId: { in: shared().questionIds } },
    });
    expect(cards).toHaveLength(2);
    // The two texts the cards come back in read back as the very numbers Prisma reads.
    const texts = await db.$queryRaw<{ questionId: string; stability: string; lastReview: string }[]>`
      SELECT "questionId", ${dialect.exactFloatText(Prisma.sql`"stability"`)} AS "stability",
        ${dialect.epochMillisecondsText(Prisma.sql`"lastReview"`)} AS "lastReview"
      FROM "ReviewCard" WHERE "userId" = ${id("member")}`;
    for (const card of cards) {
      const text = texts.find((row) => row.questionId === card.questionId)!;
      expect([Number(text.stability), Number(text.lastReview)]).toEqual([card.stability, card.lastReview!.getTime()]);
    }
    expect(direct.members[0]!.decks[0]!.mastery).toBe(
      cards.reduce((sum, card) => sum + retrievability(card, later), 0) / shared().questionIds.length,
    );
    expect(progress.weakestTopics).toMatchObject([{ slug: "metrics", attempts: 3 }]);
    const csv = await api.csv("admin", classId);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await csv.text()).split("\r\n").filter(Boolean)).toHaveLength(3);
    // The other instructor's answer is no member's: the statistics count the member alone.
    const statistics = await json<{ items: { candidates: number; attempts: number }[] }>(
      await api.statistics("owner", classId, shared().deckId),
    );
    expect(statistics.items.map((item) => [item.candidates, item.attempts])).toEqual([
      [1, 2],
      [1, 1],
    ]);
    expect((await api.statistics("owner", classId, unassigned.deckId)).status).toBe(404);
    expect((await api.kick("owner", classId, id("member"))).status).toBe(200);
    expect((await json<ClassProgress>(await api.progress("owner", classId))).members).toHaveLength(1);
    expect((await api.kick("owner", classId, id("member"))).status).toBe(404);
  });

  it("deletes a class and keeps every member's answers and cards", async () => {
    const { classId } = await classroom();
    await answer("member", shared().questionIds[1]!, true);
    const before = {
      attempts: await db.attempt.count({ where: { userId: id("member") } }),
      cards: await db.reviewCard.count({ where: { userId: id("member") } }),
    };
    expect((await api.remove("owner", classId)).status).toBe(200);
    expect(await db.classMember.count({ where: { classId } })).toBe(0);
    expect(await db.classAssignment.count({ where: { classId } })).toBe(0);
    expect((await api.progress("owner", classId)).status).toBe(404);
    expect({
      attempts: await db.attempt.count({ where: { userId: id("member") } }),
      cards: await db.reviewCard.count({ where: { userId: id("member") } }),
    }).toEqual(before);
  });

  it("takes a demoted owner's class from them, and admins keep it", async () => {
    const { classId } = await classroom();
    await db.user.update({ where: { id: id("owner") }, data: { role: "candidate" } });
    try {
      expect((await api.progress("owner", classId)).status).toBe(404);
      expect((await api.progress("admin", classId)).status).toBe(200);
    } finally {
      await db.user.update({ where: { id: id("owner") }, data: { role: "instructor" } });
    }
  });

  it("lists a user's classes for the pages, and previews a code counted like joining", async () => {
    const { classId, joinCode } = await classroom();
    const { owned } = await json<ClassList>(await api.list("owner"));
    expect(owned).toEqual([
      expect.objectContaining({ id: classId, joinCode, joinOpen: true, members: 1, assignments: 1 }),
    ]);
    expect((await json<ClassList>(await api.list("member"))).joined).toEqual([
      { id: classId, name: expect.any(String) as string, ownerName: "owner" },
    ]);
    expect(valueOf(await previewJoin(db, id("candidate"), joinCode, new Date()))).toMatchObject({
      id: classId,
      member: false,
    });
    expect(await db.rateLimit.findUnique({ where: { key: joinLimitKey(id("candidate")) } })).toMatchObject({
      count: 1,
    });
  });

  it("caps the classes an instructor owns, and deletes a user's classes and join count with them", async () => {
    const ownerId = await createUser("busy", "instructor");
    await db.class.createMany({
      data: Array.from({ length: 100 }, (_, index) => ({ name: `C${index}`, ownerId, joinCode: `BUSY${index}` })),
    });
    expect((await api.create("busy")).status).toBe(409);
    // The data layer checks the role too, for pages that call it directly.
    expect(codeOf(await createClass(db, { id: id("member"), role: "candidate" }, { name: "Mine" }, randomBytes))).toBe(
      "forbidden",
    );
    const { joinCode } = await classroom();
    expect((await api.join("busy", joinCode)).status).toBe(200);
    valueOf(await deleteUser(db, ownerId));
    expect(await db.class.count({ where: { ownerId } })).toBe(0);
    expect(await db.rateLimit.count({ where: { key: joinLimitKey(ownerId) } })).toBe(0);
    expect(await db.classMember.count({ where: { userId: ownerId } })).toBe(0);
  });
});
