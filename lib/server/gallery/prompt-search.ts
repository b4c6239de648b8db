import "server-only";

// The gallery's prompt search is a case-insensitive substring match that must behave the same on
// SQLite and PostgreSQL and for Chinese as for English. Both sides are normalized the same way
// (NFKC folds full-width Latin and compatibility forms; toLowerCase folds case in every script) and
// compared with LIKE on Generation.promptSearch, so no provider-specific collation is involved.

export const SEARCH_MAX_CHARS = 200;

export function normalizeForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}
