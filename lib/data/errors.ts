/** Prisma's code for a unique-constraint violation: the database refused a row that already exists. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** Prisma's code for a foreign-key violation, e.g. a write for a user deleted since the session began. */
export function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2003";
}
