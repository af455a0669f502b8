/**
 * Who may do what, in one place. Pure: the data layer loads the rows a rule needs and asks it; routes,
 * actions and pages ask the same rules with the role read from the database (not from the session token,
 * which can be minutes stale).
 */
export const ROLES = ["candidate", "instructor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Actor = { id: string; role: Role };
/** The columns of a deck the rules look at. */
export type DeckAccessRow = { source: string; ownerId: string | null; status: string };
/** Why a rule said no: forbidden, or not found when the thing's very existence must not leak. */
export type Refusal = "forbidden" | "not-found";

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Every role: for routes whose rule depends on the row as well as the role (a class's owner, or an
 * admin), so the caller comes with the role read from the database and the data layer decides.
 */
export function anyRole(): boolean {
  return true;
}

/** Instructors and admins write questions; candidates only practise. */
export function canAuthor(role: Role): boolean {
  return role === "instructor" || role === "admin";
}

export function canAdminister(role: Role): boolean {
  return role === "admin";
}

/** Admins edit every authored deck (and see whose it is); instructors only their own. */
export function canEditEveryAuthoredDeck(role: Role): boolean {
  return role === "admin";
}

/**
 * Content decks (from content/) are read-only everywhere; an instructor edits their own decks, an admin
 * any authored deck.
 */
export function canEditDeck(user: Actor, deck: Pick<DeckAccessRow, "source" | "ownerId">): boolean {
  if (deck.source === "content") return false;
  return canEditEveryAuthoredDeck(user.role) || (user.role === "instructor" && deck.ownerId === user.id);
}

/**
 * Decks an author may look at in the bank: built-in and published ones, and the ones they may edit.
 * Another author's draft stays invisible.
 */
export function canSeeDeck(actor: Actor, deck: DeckAccessRow): boolean {
  return (
    canAuthor(actor.role) && (deck.source === "content" || deck.status === "published" || canEditDeck(actor, deck))
  );
}

/** Changing a deck or its questions: a deck the actor may see but not edit is forbidden, any other not found. */
export function deckEditRefusal(actor: Actor, deck: DeckAccessRow): Refusal | undefined {
  if (canEditDeck(actor, deck)) return undefined;
  return canSeeDeck(actor, deck) ? "forbidden" : "not-found";
}

/** Copying a deck: any author may copy one they can see; to a candidate, copying is forbidden outright. */
export function deckCopyRefusal(actor: Actor, deck: DeckAccessRow): Refusal | undefined {
  if (canSeeDeck(actor, deck)) return undefined;
  return canAuthor(actor.role) ? "not-found" : "forbidden";
}

/** Which questions of a deck a copy takes: the published ones, and drafts only from the deck's editors. */
export function canCopyQuestion(actor: Actor, deck: DeckAccessRow, question: { status: string }): boolean {
  return question.status === "published" || canEditDeck(actor, deck);
}

/**
 * Item statistics: open to every author for built-in decks (every learner's answers to shared content),
 * for an authored deck only to its editors. Another author's draft is not found.
 */
export function canSeeDeckStatistics(actor: Actor, deck: Pick<DeckAccessRow, "source" | "ownerId">): boolean {
  return canAuthor(actor.role) && (deck.source === "content" || canEditDeck(actor, deck));
}

export function deckStatisticsRefusal(actor: Actor, deck: DeckAccessRow): Refusal | undefined {
  if (!canSeeDeck(actor, deck)) return "not-found";
  return canSeeDeckStatistics(actor, deck) ? undefined : "forbidden";
}

/**
 * Candidates' reports on a deck's questions: for the author who answers for the deck, its owner, and for
 * admins, who also answer for the built-in decks. Not for another author, even of a published deck: a
 * report is between its reporter and the deck's author.
 */
export function canSeeDeckReports(actor: Actor, deck: Pick<DeckAccessRow, "source" | "ownerId">): boolean {
  return (
    canAdminister(actor.role) || (actor.role === "instructor" && deck.source !== "content" && deck.ownerId === actor.id)
  );
}

/** Reading or closing a deck's reports: a deck the author may see is forbidden, any other not found. */
export function deckReportsRefusal(actor: Actor, deck: DeckAccessRow): Refusal | undefined {
  if (canSeeDeckReports(actor, deck)) return undefined;
  return canSeeDeck(actor, deck) ? "forbidden" : "not-found";
}

/** The column of a class the rules look at. */
export type ClassAccessRow = { ownerId: string };

/**
 * A class is managed (assignments, members, results, code) by its owner while they are an instructor, and
 * by admins. An owner demoted to candidate loses it, as they lose their decks.
 */
export function canManageClass(actor: Actor, row: ClassAccessRow): boolean {
  return canAdminister(actor.role) || (actor.role === "instructor" && row.ownerId === actor.id);
}

/**
 * Managing a class: forbidden to its members, who know it exists; not found to anyone else, so a class id
 * says nothing to an outsider. A member sees their results only through their own assignments.
 */
export function classManageRefusal(actor: Actor, row: ClassAccessRow, isMember: boolean): Refusal | undefined {
  if (canManageClass(actor, row)) return undefined;
  return isMember ? "forbidden" : "not-found";
}

export const ONLY_ADMINS_CHANGE_ROLES = "Only admins change roles.";

/**
 * Whether `actor` may give `target` the role `next`: only admins change roles, and the last admin cannot
 * stop being one, so the site never ends up with nobody able to manage it.
 */
export function roleChangeRefusal(actor: Actor, target: Actor, next: Role, adminCount: number): string | undefined {
  if (!canAdminister(actor.role)) return ONLY_ADMINS_CHANGE_ROLES;
  if (target.role === "admin" && next !== "admin" && adminCount <= 1) return "The last admin cannot stop being one.";
  return undefined;
}

/** Whether a user may delete their own account: not the last admin, for the same reason as above. */
export function accountDeletionRefusal(role: string, adminCount: number): string | undefined {
  if (role === "admin" && adminCount <= 1)
    return "You are the last admin. Make someone else an admin before deleting your account.";
  return undefined;
}
