import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canManageClass, classManageRefusal, type Actor } from "@/lib/auth/roles";
import {
  isJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  joinPath,
  newJoinCode,
  normalizeJoinCode,
} from "@/lib/domain/classes";
import { assignDeckSchema, joinClassSchema, updateClassSchema } from "@/lib/schemas/classes";

/** A random source that hands out these bytes in order, then zeros. */
function bytes(...values: number[]) {
  let next = 0;
  return (size: number) => Uint8Array.from({ length: size }, () => values[next++] ?? 0);
}

describe("join codes", () => {
  it("are 10 symbols of an alphabet without 0, O, 1, I or L", () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(31);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(31);
    const code = newJoinCode(bytes(0, 1, 2, 30, 31, 32, 61, 62, 100, 200));
    expect(code).toHaveLength(JOIN_CODE_LENGTH);
    // Each byte modulo 31: 31 wraps to the first symbol, 61 and 62 to the 31st and the first.
    expect(code).toBe("234Z23Z29G");
    expect(isJoinCode(code)).toBe(true);
  });

  it("skip the bytes that would make some symbols likelier than others", () => {
    // 248 and above are dropped (248 = 8 × 31), so the code takes the next usable bytes.
    expect(newJoinCode(bytes(248, 255, 250, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).toBe("3456789ABC");
  });

  it("come out evenly from real randomness", async () => {
    const { randomBytes } = await import("node:crypto");
    const counts = new Map<string, number>();
    for (let index = 0; index < 3_100; index += 1) {
      for (const symbol of newJoinCode(randomBytes)) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    // 31,000 symbols, 1,000 expected each: far outside 800..1,200 only with a biased draw.
    expect(counts.size).toBe(31);
    for (const count of counts.values()) expect(count).toBeGreaterThan(800);
    for (const count of counts.values()) expect(count).toBeLessThan(1_200);
  });

  it("are read from what people type or paste", () => {
    expect(normalizeJoinCode(" abcd-efgh 23 ")).toBe("ABCDEFGH23");
    expect(normalizeJoinCode("https://mlprep.example/join/ABCDEFGH23/")).toBe("ABCDEFGH23");
    expect(isJoinCode("ABCDEFGH2")).toBe(false);
    expect(isJoinCode("ABCDEFGH20")).toBe(false);
    expect(joinPath("ABCDEFGH23")).toBe("/join/ABCDEFGH23");
    expect(normalizeJoinCode("join/abcdefgh23///")).toBe("ABCDEFGH23");
    expect(normalizeJoinCode("/")).toBe("");
    expect(normalizeJoinCode("")).toBe("");
  });

  it("are read in time linear in what was pasted, however many slashes it holds (the join page's address)", () => {
    // Runs that made a regex retry from every slash: 64,000 slashes then a letter took 4 s.
    const hostile = ["/".repeat(64_000) + "x", "a/".repeat(32_000), " -".repeat(32_000) + "/"];
    const ordinary = "https://mlprep.example/join/ABCDEFGH23/".repeat(1_600); // as long
    const time = (input: string) => {
      const started = performance.now();
      for (let round = 0; round < 5; round++) normalizeJoinCode(input);
      return performance.now() - started;
    };
    const baseline = Math.max(time(ordinary), 5); // a floor: a busy machine can pause any loop a few ms
    for (const input of hostile) expect(time(input)).toBeLessThan(baseline * 20);
  });

  it("read as the old regex did on anything typed (property)", () => {
    const regexVersion = (input: string) =>
      (input.trim().replace(/\/+$/, "").split("/").pop() ?? "").replace(/[\s-]/g, "").toUpperCase();
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("/", "a", "B", "-", " ", "2", "x"), maxLength: 40 }), (input) => {
        expect(normalizeJoinCode(input)).toBe(regexVersion(input));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("the classes API's input", () => {
  it("normalises a code and refuses what cannot be one", () => {
    expect(joinClassSchema.parse({ code: "abcd-efgh-23" })).toEqual({ code: "ABCDEFGH23" });
    expect(joinClassSchema.safeParse({ code: "x".repeat(201) }).success).toBe(false);
    expect(joinClassSchema.safeParse({ code: "OOOOOOOOOO" }).success).toBe(false);
    expect(joinClassSchema.safeParse({ code: "ABCDEFGH23", extra: 1 }).success).toBe(false);
  });

  it("wants something to change, and a plausible due date with its offset", () => {
    expect(updateClassSchema.safeParse({}).success).toBe(false);
    expect(updateClassSchema.safeParse({ rotateCode: false }).success).toBe(false);
    expect(updateClassSchema.parse({ joinOpen: false })).toEqual({ joinOpen: false });
    expect(assignDeckSchema.parse({ deckId: "metrics" })).toEqual({ deckId: "metrics", dueDate: null });
    expect(assignDeckSchema.parse({ deckId: "metrics", dueDate: "2027-01-31T23:59:59+01:00" }).dueDate).toEqual(
      new Date("2027-01-31T22:59:59Z"),
    );
    for (const dueDate of ["2027-01-31", "2027-01-31T23:59:59", "9999-01-01T00:00:00Z"]) {
      expect(assignDeckSchema.safeParse({ deckId: "metrics", dueDate }).success, dueDate).toBe(false);
    }
  });
});

describe("who manages a class", () => {
  const owner: Actor = { id: "owner", role: "instructor" };
  const row = { ownerId: "owner" };
  it("its owner while an instructor, and admins; members are forbidden, anyone else finds nothing", () => {
    expect(canManageClass(owner, row)).toBe(true);
    expect(canManageClass({ id: "admin", role: "admin" }, row)).toBe(true);
    expect(canManageClass({ id: "owner", role: "candidate" }, row)).toBe(false);
    expect(classManageRefusal({ id: "other", role: "instructor" }, row, false)).toBe("not-found");
    expect(classManageRefusal({ id: "member", role: "candidate" }, row, true)).toBe("forbidden");
    expect(classManageRefusal(owner, row, false)).toBeUndefined();
  });
});
