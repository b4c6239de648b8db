import "server-only";

// The gallery's prompt search is a case-insensitive substring match that must behave the same on
// SQLite and PostgreSQL and for Chinese as for English. Both sides are normalized the same way
// (NFKC folds full-width Latin and compatibility forms; toLowerCase folds case in every script) and
// compared with LIKE on Generation.promptSearch, so no provider-specific collation is involved.
// LIKE's metacharacters (% _ and PostgreSQL's default escape \) are mapped to private-use code
// points on both sides: Prisma cannot add an ESCAPE clause, and this way a search for "100%" or
// "a_b" means that literal text on either database.

const LIKE_META: Record<string, string> = { "\\": "\ue05c", "%": "\ue025", _: "\ue05f" };

export function normalizeForSearch(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\%_]/g, (c) => LIKE_META[c] ?? c);
}
