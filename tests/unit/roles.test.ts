import { describe, expect, it } from "vitest";
import {
  accountDeletionRefusal,
  canAdminister,
  canAuthor,
  canCopyQuestion,
  canEditDeck,
  canEditEveryAuthoredDeck,
  canSeeDeck,
  canSeeDeckStatistics,
  deckCopyRefusal,
  deckEditRefusal,
  deckStatisticsRefusal,
  isRole,
  roleChangeRefusal,
} from "@/lib/auth/roles";

describe("roles", () => {
  it("knows the three roles and nothing else", () => {
    expect(["candidate", "instructor", "admin"].every(isRole)).toBe(true);
    expect(isRole("owner")).toBe(false);
  });

  it("lets instructors and admins author, and only admins administer", () => {
    expect([canAuthor("candidate"), canAuthor("instructor"), canAuthor("admin")]).toEqual([false, true, true]);
    expect([canAdminister("candidate"), canAdminister("instructor"), canAdminister("admin")]).toEqual([
      false,
      false,
      true,
    ]);
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
    expect(
      roleChangeRefusal({ id: "ann", role: "instructor" }, { id: "ben", role: "candidate" }, "instructor", 1),
    ).toBe("Only admins change roles.");
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

describe("who sees, edits, copies and reads the statistics of a deck", () => {
  const ann = { id: "ann", role: "instructor" as const };
  const ben = { id: "ben", role: "instructor" as const };
  const root = { id: "root", role: "admin" as const };
  const cand = { id: "cand", role: "candidate" as const };
  const content = { source: "content", ownerId: null, status: "published" };
  const draft = { source: "authored", ownerId: "ann", status: "draft" };
  const published = { source: "authored", ownerId: "ann", status: "published" };

  it("shows authors built-in and published decks and the drafts they edit; candidates see none in the bank", () => {
    expect([content, draft, published].map((deck) => canSeeDeck(ann, deck))).toEqual([true, true, true]);
    expect([content, draft, published].map((deck) => canSeeDeck(ben, deck))).toEqual([true, false, true]);
    expect([content, draft, published].map((deck) => canSeeDeck(root, deck))).toEqual([true, true, true]);
    expect([content, draft, published].map((deck) => canSeeDeck(cand, deck))).toEqual([false, false, false]);
  });

  it("refuses a change as forbidden where the deck is visible, and as not found where it must not leak", () => {
    expect(deckEditRefusal(ann, draft)).toBeUndefined();
    expect(deckEditRefusal(root, draft)).toBeUndefined();
    expect(deckEditRefusal(ben, published)).toBe("forbidden");
    expect(deckEditRefusal(ben, draft)).toBe("not-found");
    expect(deckEditRefusal(root, content)).toBe("forbidden");
    expect(deckEditRefusal(cand, content)).toBe("not-found");
  });

  it("lets any author copy a deck they see, with drafts only from its editors; a candidate copies nothing", () => {
    expect(deckCopyRefusal(ben, content)).toBeUndefined();
    expect(deckCopyRefusal(ben, published)).toBeUndefined();
    expect(deckCopyRefusal(ben, draft)).toBe("not-found");
    expect(deckCopyRefusal(cand, content)).toBe("forbidden");
    expect(canCopyQuestion(ben, published, { status: "draft" })).toBe(false);
    expect(canCopyQuestion(ben, published, { status: "published" })).toBe(true);
    expect(canCopyQuestion(ann, published, { status: "draft" })).toBe(true);
  });

  it("opens built-in decks' statistics to every author and an authored deck's to its editors only", () => {
    expect([ann, ben, root, cand].map((actor) => canSeeDeckStatistics(actor, content))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect([ann, ben, root, cand].map((actor) => canSeeDeckStatistics(actor, published))).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(deckStatisticsRefusal(ben, published)).toBe("forbidden");
    expect(deckStatisticsRefusal(ben, draft)).toBe("not-found");
    expect(deckStatisticsRefusal(ann, draft)).toBeUndefined();
  });

  it("lets only admins edit every authored deck", () => {
    expect([
      canEditEveryAuthoredDeck("candidate"),
      canEditEveryAuthoredDeck("instructor"),
      canEditEveryAuthoredDeck("admin"),
    ]).toEqual([false, false, true]);
  });
});
