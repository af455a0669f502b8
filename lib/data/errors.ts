/** Prisma's code for a unique-constraint violation: the database refused a row that already exists. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}
