import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { LONGEST_WINDOW_MS, SIGN_IN_LIMITS, SIGN_UP_LIMIT } from "@/lib/domain/rate-limit";
import { createFreshDatabase } from "@/tests/support/fresh-database";
import { codeOf, valueOf } from "@/tests/support/outcome";

// Every argon2 verification still runs; the wrapper only counts them.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

await createFreshDatabase();
const { db } = await import("@/lib/data/db");
const { signInWithPassword, signUpWithPassword } = await import("@/lib/data/accounts");
const { verifyPassword } = await import("@/lib/auth/password");
const verifications = vi.mocked(verifyPassword);

const now = new Date("2026-11-30T10:00:00Z");
const password = "correct horse battery";
const users = new Map<string, string>();

async function account(email: string): Promise<string> {
  const user = valueOf(await signUpWithPassword(db, { email, password, ip: `setup-${email}` }, now));
  users.set(email, user.id);
  return user.id;
}

const guess = (
  email: string,
  ip: string,
  extra: { password?: string; device?: { userId: string; deviceId: string } } = {},
  at = now,
) => signInWithPassword(db, { email, password: extra.password ?? "wrong guess", ip, device: extra.device }, at);

beforeAll(async () => {
  for (const email of ["owner@example.com", "spread@example.com", "known@example.com", "steady@example.com"])
    await account(email);
});
beforeEach(() => {
  verifications.mockClear();
});

describe("sign-in limits under parallel attack", () => {
  it("60 parallel wrong guesses from one address verify at most the per email+IP limit", async () => {
    const results = await Promise.all(Array.from({ length: 60 }, () => guess("owner@example.com", "198.51.100.1")));
    expect(verifications.mock.calls.length).toBeLessThanOrEqual(SIGN_IN_LIMITS.emailAndIp.max);
    expect(results.filter((result) => codeOf(result) === "rate-limited")).toHaveLength(
      60 - verifications.mock.calls.length,
    );
    expect(results.some((result) => result.ok)).toBe(false);
  });

  it("60 parallel wrong guesses from 60 addresses verify at most the per-email limit", async () => {
    await Promise.all(
      Array.from({ length: 60 }, (_, index) => guess("spread@example.com", `198.51.100.${index + 10}`)),
    );
    expect(verifications.mock.calls.length).toBeLessThanOrEqual(SIGN_IN_LIMITS.email.max);
    // The owner, from a browser that never signed in before, is refused like anyone else...
    expect(codeOf(await guess("spread@example.com", "192.0.2.1", { password }))).toBe("rate-limited");
  });

  it("after an attack, the owner signs in from a browser that signed in before; new devices and other users' devices stay limited", async () => {
    const userId = users.get("known@example.com")!;
    const ownersDevice = { userId, deviceId: "owners-laptop" };
    await Promise.all(Array.from({ length: 60 }, (_, index) => guess("known@example.com", `203.0.113.${index}`)));
    // The attacker shares the owner's address too.
    await Promise.all(Array.from({ length: 10 }, () => guess("known@example.com", "192.0.2.50")));
    expect(codeOf(await guess("known@example.com", "192.0.2.50", { password }))).toBe("rate-limited");
    expect(
      codeOf(
        await guess("known@example.com", "192.0.2.50", {
          password,
          device: { userId: users.get("owner@example.com")!, deviceId: "x" },
        }),
      ),
    ).toBe("rate-limited");
    expect(await guess("known@example.com", "192.0.2.50", { password, device: ownersDevice })).toMatchObject({
      ok: true,
      value: { id: userId },
    });
  });

  it("a known device is limited on its own: a stolen device cookie does not give unlimited guesses", async () => {
    const device = { userId: users.get("steady@example.com")!, deviceId: "stolen" };
    await Promise.all(Array.from({ length: 30 }, () => guess("steady@example.com", "192.0.2.60", { device })));
    expect(verifications.mock.calls.length).toBeLessThanOrEqual(SIGN_IN_LIMITS.device.max);
    expect(codeOf(await guess("steady@example.com", "192.0.2.60", { password, device }))).toBe("rate-limited");
    // That device's lock does not touch the account's other limits.
    expect(codeOf(await guess("steady@example.com", "192.0.2.61", { password }))).toBe("ok");
  });

  it("successful sign-ins give their count back: more of them than any limit all succeed", async () => {
    const email = "busy@example.com";
    await account(email);
    for (let index = 0; index < SIGN_IN_LIMITS.email.max + 2; index++) {
      expect(codeOf(await guess(email, "192.0.2.70", { password }, new Date(now.getTime() + index)))).toBe("ok");
    }
  });

  it("parallel sign-ups from one address create at most the limit", async () => {
    const results = await Promise.all(
      Array.from({ length: SIGN_UP_LIMIT.max + 10 }, (_, index) =>
        signUpWithPassword(db, { email: `bulk${index}@example.com`, password, ip: "192.0.2.80" }, now),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(SIGN_UP_LIMIT.max);
  });
});

describe("rate-limit rows", () => {
  it("are pruned once every window they could belong to has ended", async () => {
    await guess("owner@example.com", "192.0.2.90");
    expect(await db.rateLimit.count({ where: { key: { contains: "192.0.2.90" } } })).toBe(2);
    const later = new Date(now.getTime() + LONGEST_WINDOW_MS + 1);
    await guess("someone@example.com", "192.0.2.91", {}, later);
    expect(await db.rateLimit.count({ where: { windowStartedAt: { lt: later } } })).toBe(0);
    expect(await db.rateLimit.count()).toBe(3);
  });
});
