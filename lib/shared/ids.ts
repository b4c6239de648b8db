import { z } from "zod";

// The one rule every id from outside is checked against before it reaches the database, a storage
// key or a URL path: our own ids (cuid, hex) and BigModel's task ids alike. URL-safe characters only,
// so an id can be a path segment or an object-key segment as it is, and at most 128 of them, so a
// junk id is refused before it costs a query.

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export const idSchema = z.string().regex(ID_PATTERN);

export function isId(value: string): boolean {
  return ID_PATTERN.test(value);
}
