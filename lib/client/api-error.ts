import type { Locale } from "@/lib/i18n/locales";

// The browser's view of the one API error shape:
// { error: { code, message, messages: { en, "zh-CN" }, fields?: [{ path, key?, message, messages? }] } }
export interface ApiFieldIssue {
  path: string;
  key?: string;
  message: string;
  messages?: Partial<Record<Locale, string>>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Partial<Record<Locale, string>>;
  readonly fields: ApiFieldIssue[];

  constructor(status: number, code: string, message: string, messages: Partial<Record<Locale, string>> = {}, fields: ApiFieldIssue[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.fields = fields;
  }

  /** The message in the UI locale (falls back to the request-locale message). */
  localized(locale: Locale): string {
    return this.messages[locale] || this.message;
  }

  /** A network failure or a 5xx: safe to send again with the same Idempotency-Key. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }
}

/** status 0 = no answer at all (offline, connection reset, aborted). */
export const NETWORK_ERROR = "network";

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === "object" ? (v as Record<string, unknown>) : null;
}

function localesOf(v: unknown): Partial<Record<Locale, string>> {
  const r = asRecord(v);
  if (!r) return {};
  const out: Partial<Record<Locale, string>> = {};
  if (typeof r.en === "string") out.en = r.en;
  if (typeof r["zh-CN"] === "string") out["zh-CN"] = r["zh-CN"];
  return out;
}

function fieldPath(p: unknown): string {
  if (Array.isArray(p)) return p.map(String).join(".");
  return typeof p === "string" ? p : "";
}

/** Builds an ApiError from a status and a parsed (or unparseable) body. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  const err = asRecord(asRecord(body)?.error);
  if (!err) return new ApiError(status, status === 0 ? NETWORK_ERROR : `http_${status}`, `HTTP ${status}`);
  const fields: ApiFieldIssue[] = Array.isArray(err.fields)
    ? err.fields.flatMap((f) => {
        const r = asRecord(f);
        if (!r) return [];
        return [
          {
            path: fieldPath(r.path),
            key: typeof r.key === "string" ? r.key : undefined,
            message: typeof r.message === "string" ? r.message : "",
            messages: localesOf(r.messages),
          },
        ];
      })
    : [];
  return new ApiError(
    status,
    typeof err.code === "string" ? err.code : `http_${status}`,
    typeof err.message === "string" ? err.message : `HTTP ${status}`,
    localesOf(err.messages),
    fields,
  );
}
