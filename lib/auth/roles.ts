/**
 * Who may do what. Pure: every server action, route and page asks these questions itself, with the role
 * read from the database (not from the session token, which can be minutes stale).
 */
export const ROLES = ["candidate", "instructor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Instructors and admins write questions; candidates only practise. */
export function canAuthor(role: Role): boolean {
  return role === "instructor" || role === "admin";
}

export function canAdminister(role: Role): boolean {
  return role === "admin";
}

/**
 * Content decks (from content/) are read-only everywhere; an instructor edits their own decks, an admin
 * any authored deck.
 */
export function canEditDeck(user: { id: string; role: Role }, deck: { source: string; ownerId: string | null }): boolean {
  if (deck.source === "content") return false;
  return user.role === "admin" || (user.role === "instructor" && deck.ownerId === user.id);
}

/**
 * Whether `actor` may give `target` the role `next`: only admins change roles, and the last admin cannot
 * stop being one, so the site never ends up with nobody able to manage it.
 */
export function roleChangeRefusal(
  actor: { id: string; role: Role },
  target: { id: string; role: Role },
  next: Role,
  adminCount: number,
): string | undefined {
  if (!canAdminister(actor.role)) return "Only admins change roles.";
  if (target.role === "admin" && next !== "admin" && adminCount <= 1) return "The last admin cannot stop being one.";
  return undefined;
}

/** Whether a user may delete their own account: not the last admin, for the same reason as above. */
export function accountDeletionRefusal(role: string, adminCount: number): string | undefined {
  if (role === "admin" && adminCount <= 1) return "You are the last admin. Make someone else an admin before deleting your account.";
  return undefined;
}
