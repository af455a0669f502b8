import { describe, expect, it } from "vitest";
import { accountDeletionRefusal, canAdminister, canAuthor, canEditDeck, isRole, roleChangeRefusal } from "@/lib/auth/roles";

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

describe("role changes", () => {
  const admin = { id: "root", role: "admin" as const };
  it("only admins change roles", () => {
    expect(roleChangeRefusal({ id: "ann", role: "instructor" }, { id: "ben", role: "candidate" }, "instructor", 1)).toBe("Only admins change roles.");
    expect(roleChangeRefusal(admin, { id: "ben", role: "candidate" }, "instructor", 1)).toBeUndefined();
  });

  it("the last admin cannot stop being one, but one of two can", () => {
    expect(roleChangeRefusal(admin, admin, "candidate", 1)).toBe("The last admin cannot stop being one.");
    expect(roleChangeRefusal(admin, admin, "candidate", 2)).toBeUndefined();
    expect(roleChangeRefusal(admin, { id: "other", role: "admin" }, "instructor", 2)).toBeUndefined();
  });
});

describe("deleting one's own account", () => {
  it("is refused to the last admin only", () => {
    expect(accountDeletionRefusal("admin", 1)).toMatch(/last admin/);
    expect(accountDeletionRefusal("admin", 2)).toBeUndefined();
    expect(accountDeletionRefusal("candidate", 0)).toBeUndefined();
    expect(accountDeletionRefusal("instructor", 1)).toBeUndefined();
  });
});
