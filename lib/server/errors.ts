import "server-only";
import type { z } from "zod";
import { isMessageKey, type MessageKey, type Vars } from "@/lib/i18n/translate";

// One error taxonomy (docs/architecture.md, "Error taxonomy"): services throw AppError(code); http/respond.ts maps codes
// to HTTP status and to the bilingual JSON body. Never match errors by message text.
const STATUS = {
  validation_failed: 422,
  invalid_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  method_not_allowed: 405,
  misdirected_request: 421,
  conflict: 409,
  registration_closed: 403,
  invalid_invite: 403,
  payload_too_large: 413,
  rate_limited: 429,
  // Instance administration.
  cannot_disable_self: 409,
  last_admin: 409,
  // Accounts: a wrong current password on a password change; a used or expired reset link.
  wrong_password: 422,
  reset_link_invalid: 410,
  // "Forgot password?" without SMTP_URL: reset by email is off on this server.
  reset_mail_off: 404,
  // Studio: uploads, generations, media.
  upload_missing: 400,
  upload_unsupported_type: 415,
  upload_too_large: 413,
  upload_corrupt: 422,
  image_aspect: 422,
  image_too_many_pixels: 422,
  upload_not_found: 422,
  upload_quota_daily: 429,
  upload_quota_total: 413,
  upload_deleting: 409,
  start_end_ratio: 422,
  start_end_shape: 422,
  idempotency_key_required: 400,
  idempotency_mismatch: 422,
  repeat_submission: 409,
  // Studio drafts: a save from a tab that holds an older version than the stored one.
  draft_conflict: 409,
  budget_exceeded: 402,
  not_cancellable: 409,
  not_retryable: 409,
  frame_source_failed: 409,
  not_stored: 409,
  // Signed media URLs (lib/server/media/signed-url.ts): tampered/foreign, or past its expiry.
  media_url_invalid: 403,
  media_url_expired: 410,
  // Gallery.
  not_deletable: 409,
  // Teams, share links, budgets.
  team_role_forbidden: 403,
  team_invite_invalid: 404,
  already_member: 409,
  owner_must_transfer: 409,
  member_rank: 403,
  not_movable: 409,
  budget_member_monthly: 402,
  budget_team_monthly: 402,
  budget_instance_daily: 402,
  // Films.
  film_chain_broken: 409,
  film_aspect_locked: 409,
  shot_no_usable_take: 409,
  shot_frame_missing: 422,
  shot_chain_blocked: 409,
  film_batch_stale: 409,
  take_not_of_shot: 422,
  take_not_ready: 409,
  still_not_ready: 409,
  review_not_allowed: 409,
  comment_target_missing: 422,
  reference_not_found: 422,
  reference_in_use: 409,
  // Films: a cut that cannot be rendered, a take that cannot be read.
  film_cut_invalid: 422,
  film_input_invalid: 422,
  // Film exports: cancelling one that already ended.
  export_not_cancellable: 409,
  // Platform calls other than video (prompt help): refused as unsafe, failed (refunded), possibly
  // billed without an answer (hold kept), answered with nothing usable (charged).
  ai_unsafe_content: 422,
  ai_call_failed: 502,
  ai_call_unconfirmed: 502,
  ai_answer_invalid: 502,
  // A split script's breakdown: parts that failed (named in the message; a retry re-asks only them),
  // and an accept or save of a draft whose parts have not all answered.
  script_part_failed: 502,
  script_incomplete: 409,
  // Voice-over: a shot without a line to speak; removing a line still being spoken.
  voice_no_line: 409,
  voice_pending: 409,
  // Share links.
  share_not_ready: 409,
  // The platform's own refusals and failures of a synchronous call (stills, speech), by what the user can do.
  upstream_unsafe: 422,
  upstream_rejected: 422,
  upstream_busy: 503,
  upstream_unavailable: 503,
  storage_unavailable: 503,
  busy: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof STATUS;

export interface FieldIssue {
  path: string;
  /** message key for the UI (errors.field.*) */
  key: MessageKey;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly vars?: Vars;
  readonly fields?: FieldIssue[];
  readonly headers?: Record<string, string>;
  /** The message when it is not `errors.<code>`: one code, worded for what was refused (budget_* of a chat call). */
  readonly messageKey?: MessageKey;

  constructor(code: ErrorCode, opts: { vars?: Vars; fields?: FieldIssue[]; headers?: Record<string, string>; cause?: unknown; messageKey?: MessageKey } = {}) {
    super(code, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.status = STATUS[code];
    this.vars = opts.vars;
    this.fields = opts.fields;
    this.headers = opts.headers;
    this.messageKey = opts.messageKey;
  }
}

/** Field issues of a failed zod parse, as message keys the UI shows next to each field. */
export function zodFields(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.join(".") || "(root)",
    key: isMessageKey(i.message)
      ? i.message
      : i.code === "invalid_type" && i.input === undefined
        ? "errors.field.required"
        : "errors.field.invalid",
  }));
}

export function validationFailed(error: z.ZodError): AppError {
  return new AppError("validation_failed", { fields: zodFields(error) });
}
