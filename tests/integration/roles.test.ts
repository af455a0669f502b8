import { describe, expect, it } from "vitest";
import { createFreshDatabase, testDatabaseKind } from "@/tests/support/fresh-database";

await createFreshDatabase();
const { db } = await import("@/lib/data/db");
const { changeRole, findRole } = await import("@/lib/data/users");

const make = async (email: string, role: string) => (await db.user.create({ data: { email, role } })).id;

describe(`changing roles against ${testDatabaseKind()}`, () => {
  it("an admin promotes a candidate; a candidate or instructor changes nothing", async () => {
    const admin = await make("admin@example.com", "admin");
    const instructor = await make("inst@example.com", "instructor");
    const candidate = await make("cand@example.com", "candidate");
    expect(await changeRole(db, candidate, candidate, "admin")).toEqual({
      ok: false,
      error: { code: "forbidden", message: "Only admins change roles." },
    });
    expect(await changeRole(db, instructor, candidate, "instructor")).toEqual({
      ok: false,
      error: { code: "forbidden", message: "Only admins change roles." },
    });
    expect(await findRole(db, candidate)).toBe("candidate");
    expect(await changeRole(db, admin, candidate, "instructor")).toEqual({ ok: true });
    expect(await findRole(db, candidate)).toBe("instructor");
  });

  it("keeps at least one admin, also when two admins demote each other at once", async () => {
    const first = await make("first@example.com", "admin");
    const second = await db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    const results = await Promise.all([
      changeRole(db, first, second.id, "candidate"),
      changeRole(db, second.id, first, "candidate"),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { role: "admin" } })).toBe(1);
    // Again and again: a single pair can miss the race PostgreSQL's READ COMMITTED leaves open (each counts
    // two admins, each demotes the other).
    for (let round = 0; round < 20; round++) {
      const admin = (await db.user.findFirstOrThrow({ where: { role: "admin" } })).id;
      const other = (await db.user.create({ data: { email: `admin-${round}@example.com`, role: "admin" } })).id;
      const pair = await Promise.all([
        changeRole(db, admin, other, "candidate"),
        changeRole(db, other, admin, "candidate"),
      ]);
      expect(pair.filter((result) => result.ok)).toHaveLength(1);
      expect(await db.user.count({ where: { role: "admin" } })).toBe(1);
    }
    expect(await changeRole(db, "nobody", first, "candidate")).toEqual({
      ok: false,
      error: { code: "forbidden", message: "Only admins change roles." },
    });
  });
});
