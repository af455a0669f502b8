import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDecks, loadGlossary } from "@/lib/content/load-glossary";
import { SIGN_IN_LIMITS, SIGN_UP_LIMIT, signUpLimit } from "@/lib/domain/rate-limit";
import { createFreshDatabase, testDatabaseKind } from "@/tests/support/fresh-database";
import { codeOf, valueOf } from "@/tests/support/outcome";

await createFreshDatabase();
const { db } = await import("@/lib/data/db");
const { signInWithPassword, signUpWithPassword, deleteUser } = await import("@/lib/data/accounts");
const { syncContentDecks } = await import("@/lib/data/content-sync");
const { recordAttempt } = await import("@/lib/practice/record-attempt");

const start = new Date("2026-11-28T10:00:00Z");
const minutesLater = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const password = "correct horse battery";

beforeAll(async () => {
  await signUpWithPassword(db, { email: "carol@example.com", password, ip: "10.0.0.1" }, start);
});

describe(`password accounts against ${testDatabaseKind()}`, () => {
  it("stores an argon2id hash, never the password", async () => {
    const user = await db.user.findUniqueOrThrow({
      where: { email: "carol@example.com" },
      include: { password: true },
    });
    expect(user.password?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.password?.hash).not.toContain(password);
  });

  it("refuses a second account for the same email", async () => {
    expect(await signUpWithPassword(db, { email: "carol@example.com", password, ip: "10.0.0.2" }, start)).toMatchObject(
      { ok: false, error: { code: "conflict" } },
    );
  });

  it("signs in with the right password and gives one answer for a wrong password and an unknown email", async () => {
    const ok = await signInWithPassword(db, { email: "carol@example.com", password, ip: "10.0.0.1" }, start);
    expect(ok).toMatchObject({ ok: true, value: { email: "carol@example.com" } });
    expect(
      await signInWithPassword(db, { email: "carol@example.com", password: "wrong", ip: "10.0.0.1" }, start),
    ).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    expect(
      await signInWithPassword(db, { email: "nobody@example.com", password, ip: "10.0.0.1" }, start),
    ).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });

  it("locks an email and IP after 5 failures, even for the right password, until the window ends", async () => {
    await signUpWithPassword(db, { email: "dave@example.com", password, ip: "10.0.1.1" }, start);
    const attempt = (pass: string, ip: string, at: Date) =>
      signInWithPassword(db, { email: "dave@example.com", password: pass, ip }, at);
    for (let failure = 0; failure < SIGN_IN_LIMITS.emailAndIp.max; failure++) {
      expect(codeOf(await attempt("guess", "10.0.1.9", minutesLater(1)))).toBe("unauthorized");
    }
    const locked = await attempt(password, "10.0.1.9", minutesLater(2));
    expect(codeOf(locked)).toBe("rate-limited");
    expect(!locked.ok && locked.error.code === "rate-limited" && locked.error.retryAfterMs).toBe(14 * 60_000);
    // Another address is a different key; the email's own limit (20) is not reached yet.
    expect(codeOf(await attempt(password, "10.0.1.10", minutesLater(2)))).toBe("ok");
    // The window is 15 minutes from the first failure.
    expect(codeOf(await attempt(password, "10.0.1.9", minutesLater(16)))).toBe("ok");
  });

  it("locks an email tried from many addresses once it reaches the per-email limit", async () => {
    await signUpWithPassword(db, { email: "erin@example.com", password, ip: "10.0.2.1" }, start);
    for (let failure = 0; failure < SIGN_IN_LIMITS.email.max; failure++) {
      await signInWithPassword(db, { email: "erin@example.com", password: "guess", ip: `10.0.3.${failure}` }, start);
    }
    expect(codeOf(await signInWithPassword(db, { email: "erin@example.com", password, ip: "10.0.4.1" }, start))).toBe(
      "rate-limited",
    );
  });

  it("limits sign-ups per IP", async () => {
    const ip = "10.0.5.1";
    for (let index = 0; index < SIGN_UP_LIMIT.max; index++) {
      expect(codeOf(await signUpWithPassword(db, { email: `bulk${index}@example.com`, password, ip }, start))).toBe(
        "ok",
      );
    }
    expect(codeOf(await signUpWithPassword(db, { email: "one-more@example.com", password, ip }, start))).toBe(
      "rate-limited",
    );
    expect(await db.user.count({ where: { email: "one-more@example.com" } })).toBe(0);
  });

  it("limits sign-ups per IP to what the operator set", async () => {
    const ip = "10.0.5.2";
    const limit = signUpLimit(3);
    for (let index = 0; index < 3; index++) {
      const created = await signUpWithPassword(db, { email: `class${index}@example.com`, password, ip }, start, limit);
      expect(codeOf(created)).toBe("ok");
    }
    const fourth = await signUpWithPassword(db, { email: "class3@example.com", password, ip }, start, limit);
    expect(codeOf(fourth)).toBe("rate-limited");
  });

  it("deleting an account deletes its password, attempts and review cards, and nothing of anyone else's", async () => {
    const { decks } = loadDecks(new Set(loadGlossary().terms.map((term) => term.slug)));
    await syncContentDecks(db, decks);
    const question = decks[0]!.questions.find((candidate) => candidate.type === "true-false")!;
    const answerAs = (userId: string) =>
      recordAttempt(
        db,
        userId,
        {
          questionId: question.id,
          revision: 1,
          response: { type: "true-false", value: true },
          attemptId: randomUUID(),
          elapsedMs: 9_000,
        },
        start,
      );
    const leaving = valueOf(
      await signUpWithPassword(db, { email: "frank@example.com", password, ip: "10.0.6.1" }, start),
    );
    const staying = await db.user.findUniqueOrThrow({ where: { email: "carol@example.com" } });
    await answerAs(leaving.id);
    await answerAs(staying.id);

    await deleteUser(db, leaving.id);
    expect(await db.user.count({ where: { id: leaving.id } })).toBe(0);
    expect(await db.password.count({ where: { userId: leaving.id } })).toBe(0);
    expect(await db.attempt.count({ where: { userId: leaving.id } })).toBe(0);
    expect(await db.reviewCard.count({ where: { userId: leaving.id } })).toBe(0);
    expect(await db.attempt.count({ where: { userId: staying.id } })).toBe(1);
  });

  // The per-connection settings lib/data/db.ts gives each provider: SQLite's PRAGMAs, PostgreSQL's
  // session time zone (DateTime columns hold UTC) with commits flushed before they are acknowledged.
  // Each project registers its own test, so neither reports one skipped.
  if (testDatabaseKind() === "sqlite") {
    it("opens every SQLite connection with synchronous=FULL and foreign keys on", async () => {
      const [synchronous] = await db.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous");
      const [foreignKeys] = await db.$queryRawUnsafe<{ foreign_keys: bigint }[]>("PRAGMA foreign_keys");
      expect(Number(synchronous!.synchronous)).toBe(2);
      expect(Number(foreignKeys!.foreign_keys)).toBe(1);
    });
  } else {
    it("opens every PostgreSQL session in UTC with synchronous_commit on", async () => {
      const [zone] = await db.$queryRawUnsafe<{ TimeZone: string }[]>("SHOW TimeZone");
      const [commit] = await db.$queryRawUnsafe<{ synchronous_commit: string }[]>("SHOW synchronous_commit");
      expect(zone!.TimeZone).toBe("UTC");
      expect(commit!.synchronous_commit).toBe("on");
    });
  }
});
