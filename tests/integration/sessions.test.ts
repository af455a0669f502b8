import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { codeOf, valueOf } from "@/tests/support/outcome";

/**
 * Revoking sessions: Auth.js's own session endpoint (what auth() runs for pages and actions) and the
 * route handlers' getRequestUser, with real session cookies, on a fresh database. "Another server" is a
 * change written to the database without telling this process.
 */
await createFreshDatabase();
const secret = "integration-test-secret-at-least-32-characters";
process.env.AUTH_SECRET = secret;
const { db } = await import("@/lib/data/db");
const { handlers } = await import("@/lib/auth/auth");
const { getRequestUser } = await import("@/lib/auth/request-session");
const { noteSessionVersion } = await import("@/lib/auth/session-version");
const { changePassword, deleteUser, signInWithPassword, signUpWithPassword } = await import("@/lib/data/accounts");
const { raiseSessionVersion } = await import("@/lib/data/users");

const password = "correct horse battery";
const now = new Date("2026-11-30T10:00:00Z");
const MINUTE = 60_000;

async function newUser(email: string, role = "candidate"): Promise<string> {
  const user = valueOf(await signUpWithPassword(db, { email, password, ip: "192.0.2.200" }, now));
  await db.user.update({ where: { id: user.id }, data: { role } });
  return user.id;
}

/** A session cookie as Auth.js issues it; `sv` absent is a token from before session versions. */
async function sessionCookie(userId: string, email: string, sv?: number): Promise<string> {
  const token = await encode({
    token: { sub: userId, email, ...(sv === undefined ? {} : { sv }) },
    secret,
    salt: "authjs.session-token",
  });
  return `authjs.session-token=${token}`;
}

const apiUser = (cookie: string) =>
  getRequestUser(new Request("http://localhost/api/me/summary", { headers: { cookie } }));
async function pageSession(cookie: string): Promise<unknown> {
  const reply = await handlers.GET(new NextRequest("http://localhost/api/auth/session", { headers: { cookie } }));
  return reply.json();
}
/** Moves this process's clock, as the minutes pass on a server that was not told of a change. */
const minutesPass = (minutes: number) => vi.setSystemTime(Date.now() + minutes * MINUTE);

afterEach(() => vi.useRealTimers());

describe("session versions", () => {
  it("a password changed on another server ends every older session here within a minute, for pages and routes", async () => {
    const userId = await newUser("ann@example.com");
    const cookie = await sessionCookie(userId, "ann@example.com", 0);
    const legacy = await sessionCookie(userId, "ann@example.com");
    expect(await apiUser(cookie)).toMatchObject({ id: userId });
    expect(await apiUser(legacy)).toMatchObject({ id: userId });
    expect(await pageSession(cookie)).toMatchObject({ user: { id: userId } });

    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const result = await changePassword(
      db,
      { userId, currentPassword: password, newPassword: "a brand new passphrase", ip: "192.0.2.1" },
      now,
    );
    expect(result).toMatchObject({ ok: true, value: { sessionVersion: 1 } });
    minutesPass(1);
    expect(await apiUser(cookie)).toBeNull();
    expect(await apiUser(legacy)).toBeNull();
    expect(await pageSession(cookie)).toBeNull();
    expect(await apiUser(await sessionCookie(userId, "ann@example.com", 1))).toMatchObject({ id: userId });
  });

  it("the server that signs a user out everywhere refuses their older sessions at once", async () => {
    const userId = await newUser("ben@example.com");
    const cookie = await sessionCookie(userId, "ben@example.com", 0);
    expect(await apiUser(cookie)).toMatchObject({ id: userId });
    noteSessionVersion(userId, await raiseSessionVersion(db, userId));
    expect(await apiUser(cookie)).toBeNull();
    expect(await pageSession(cookie)).toBeNull();
  });

  it("deleting an account on another server ends its sessions here within a minute", async () => {
    const userId = await newUser("cleo@example.com");
    const cookie = await sessionCookie(userId, "cleo@example.com", 0);
    expect(await pageSession(cookie)).toMatchObject({ user: { id: userId } });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    expect(await deleteUser(db, userId)).toEqual({ ok: true });
    minutesPass(1);
    expect(await apiUser(cookie)).toBeNull();
    expect(await pageSession(cookie)).toBeNull();
  });
});

describe("changing a password", () => {
  it("needs the current password, counts a wrong one like a sign-in, and then only the new password works", async () => {
    const userId = await newUser("dora@example.com");
    const change = (currentPassword: string, ip = "192.0.2.2") =>
      changePassword(db, { userId, currentPassword, newPassword: "a brand new passphrase", ip }, now);
    expect(await change("not my password")).toMatchObject({
      ok: false,
      error: { code: "invalid", field: "currentPassword" },
    });
    for (let index = 0; index < 10; index++) await change("not my password");
    expect(codeOf(await change(password))).toBe("rate-limited");
    expect(await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } })).toEqual({
      sessionVersion: 0,
    });

    expect(await change(password, "192.0.2.3")).toEqual({
      ok: true,
      value: { email: "dora@example.com", sessionVersion: 1 },
    });
    const signIn = (attempt: string) =>
      signInWithPassword(db, { email: "dora@example.com", password: attempt, ip: "192.0.2.4" }, now);
    expect(codeOf(await signIn(password))).toBe("unauthorized");
    expect(codeOf(await signIn("a brand new passphrase"))).toBe("ok");
  });
});

describe("deleting an account", () => {
  it("is refused to the last admin, allowed once there is another", async () => {
    const first = await newUser("root@example.com", "admin");
    expect(await deleteUser(db, first)).toEqual({
      ok: false,
      error: { code: "forbidden", message: expect.stringMatching(/last admin/) },
    });
    expect(await db.user.count({ where: { id: first } })).toBe(1);
    // Two admins deleting themselves at once, again and again: a single pair can miss a race that
    // PostgreSQL's READ COMMITTED leaves open (both count two admins, both go).
    let survivor = first;
    for (let round = 0; round < 20; round++) {
      // Created directly: sign-ups from one address are rate-limited.
      const other = await db.user.create({ data: { email: `root-${round}@example.com`, role: "admin" } });
      const pair = [survivor, other.id];
      const results = await Promise.all(pair.map((id) => deleteUser(db, id)));
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(await db.user.count({ where: { role: "admin" } })).toBe(1);
      survivor = pair[results.findIndex((result) => !result.ok)]!;
    }
  });

  it("takes the rate-limit rows that hold the user's email, and nobody else's", async () => {
    const userId = await newUser("a_b@example.com");
    await newUser("axb@example.com");
    for (const email of ["a_b@example.com", "axb@example.com"]) {
      await signInWithPassword(db, { email, password: "wrong", ip: "192.0.2.5" }, now);
      await signInWithPassword(db, { email, password: "wrong", ip: "192.0.2.6" }, now);
    }
    const keysWith = async (text: string) =>
      (await db.rateLimit.findMany({ where: { key: { contains: text } } }))
        .map((row) => row.key)
        .filter((key) => key.includes(text));
    expect(await keysWith("a_b@example.com")).toHaveLength(3);
    expect(await deleteUser(db, userId)).toEqual({ ok: true });
    expect(await keysWith("a_b@example.com")).toEqual([]);
    expect((await keysWith("axb@example.com")).sort()).toEqual([
      "sign-in:email+ip:axb@example.com|192.0.2.5",
      "sign-in:email+ip:axb@example.com|192.0.2.6",
      "sign-in:email:axb@example.com",
    ]);
  });
});
