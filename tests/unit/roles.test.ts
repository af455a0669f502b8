import { describe, expect, it } from "vitest";
import { canAdminister, canAuthor, canEditDeck, isRole } from "@/lib/auth/roles";

describe("roles", () => {
  it("knows the three roles and nothing else", () => {
    expect(["candidate", "instructor", "admin"].every(isRole)).toBe(true);
    expect(isRole("owner")).toBe(false);
  });

  it("lets instructors and admins author, and only admins administer", () => {
    expect([canAuthor("candidate"), canAuthor("instructor"), canAuthor("admin")]).toEqual([false, true, true]);
    expect([canAdminister("candidate"), canAdminister("instructor"), canAdminister("admin")]).toEqual([false, false, true]);
  });

  it("decides who edits a deck: never content decks; owners their own; admins any authored deck", () => {
    const authored = { source: "authored", ownerId: "ann" };
    const content = { source: "content", ownerId: null };
    expect(canEditDeck({ id: "ann", role: "instructor" }, authored)).toBe(true);
    expect(canEditDeck({ id: "ben", role: "instructor" }, authored)).toBe(false);
    expect(canEditDeck({ id: "ann", role: "candidate" }, authored)).toBe(false);
    expect(canEditDeck({ id: "root", role: "admin" }, authored)).toBe(true);
    expect(canEditDeck({ id: "root", role: "admin" }, content)).toBe(false);
  });
});
