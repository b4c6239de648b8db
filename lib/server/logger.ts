import "server-only";
import { env } from "./env";
import { REDACTED, redactSecrets } from "./redact-secrets";

// Structured JSON logs on stdout. Secrets are redacted by key name and by value (every configured
// secret, with the rules of redact-secrets.ts), so a stray object or error message can't leak them.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;
const SECRET_KEYS = /(authorization|api[-_]?key|password|secret|token|cookie)/i;

/** The password inside SMTP_URL (smtp://user:pass@host), percent-decoded as it would be printed. */
function smtpPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** Configured secrets; shorter ones are left out because they would match ordinary text. */
function secretValues(): string[] {
  const e = env();
  return [e.BIGMODEL_API_KEY, e.AUTH_SECRET, e.S3_SECRET_ACCESS_KEY, e.GITHUB_SECRET, e.OIDC_CLIENT_SECRET, e.MEDIA_URL_SECRET, smtpPassword(e.SMTP_URL)].filter(
    (v): v is string => !!v && v.length >= 8,
  );
}

/** Log fields with secret-named keys blanked and every string redacted, walked to depth 5. */
function redactFields(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (value instanceof Error) {
    return redactFields({ name: value.name, message: value.message, stack: value.stack, cause: value.cause }, secrets, depth);
  }
  if (depth > 5 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactFields(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEYS.test(k) ? REDACTED : redactFields(v, secrets, depth + 1);
  }
  return out;
}

function write(level: Level, msg: string, fields?: Record<string, unknown>) {
  if (LEVELS[level] < LEVELS[env().LOG_LEVEL]) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...(redactFields(fields ?? {}, secretValues()) as object) });
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const logger = {
  debug: (msg: string, f?: Record<string, unknown>) => write("debug", msg, f),
  info: (msg: string, f?: Record<string, unknown>) => write("info", msg, f),
  warn: (msg: string, f?: Record<string, unknown>) => write("warn", msg, f),
  error: (msg: string, f?: Record<string, unknown>) => write("error", msg, f),
};
