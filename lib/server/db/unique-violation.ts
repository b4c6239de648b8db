import "server-only";

/** Prisma's P2002: a unique index refused the write (the usual "someone got there first" signal). */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";
}
