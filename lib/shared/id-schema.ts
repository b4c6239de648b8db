import { z } from "zod";

/** The ids in URLs and request bodies (cuid-like database ids): letters, digits, _ and -, 1–128 chars. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
