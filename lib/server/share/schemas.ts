import "server-only";
import { z } from "zod";
import { SHARE_TTL_MAX_HOURS, SHARE_TTL_MIN_HOURS } from "@/lib/shared/share-link-views";

// Request schema of POST /api/generations/:id/share-links. Messages are i18n keys (route() turns them
// into field errors). Expiry is relative (`expiresInHours`, null = never) so client and server clocks
// never disagree about "in the future"; the UI turns a picked date into hours.

export const createShareBody = z.strictObject({
  expiresInHours: z
    .number("errors.field.share_expiry")
    .int("errors.field.share_expiry")
    .min(SHARE_TTL_MIN_HOURS, "errors.field.share_expiry")
    .max(SHARE_TTL_MAX_HOURS, "errors.field.share_expiry")
    .nullable()
    .default(null),
  allowDownload: z.boolean().default(false),
  showPrompt: z.boolean().default(true),
});
export type CreateShareInput = z.infer<typeof createShareBody>;
