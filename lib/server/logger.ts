import "server-only";
import { env } from "./env";

// Structured JSON logs on stdout. Secrets are redacted by key name and by value (the API key),
// so a stray object or error message can't leak them (RELIABILITY I8).
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;
const SECRET_KEYS = /(authorization|api[-_]?key|password|secret|token|cookie)/i;

function secretValues(): string[] {
  const e = env();
  return [e.BIGMODEL_API_KEY, e.AUTH_SECRET, e.S3_SECRET_ACCESS_KEY, e.GITHUB_SECRET, e.OIDC_CLIENT_SECRET].filter(
    (v): v is string => !!v && v.length >= 8,
  );
}

export function redact(value: unknown, secrets = secretValues(), depth = 0): unknown {
  if (typeof value === "string") return secrets.reduce((s, k) => s.split(k).join("[REDACTED]"), value);
  if (value instanceof Error) {
    return redact({ name: value.name, message: value.message, stack: value.stack, cause: value.cause }, secrets, depth);
  }
  if (depth > 5 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEYS.test(k) ? "[REDACTED]" : redact(v, secrets, depth + 1);
  }
  return out;
}

function write(level: Level, msg: string, fields?: Record<string, unknown>) {
  if (LEVELS[level] < LEVELS[env().LOG_LEVEL]) return;
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...(redact(fields ?? {}) as object) });
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const logger = {
  debug: (msg: string, f?: Record<string, unknown>) => write("debug", msg, f),
  info: (msg: string, f?: Record<string, unknown>) => write("info", msg, f),
  warn: (msg: string, f?: Record<string, unknown>) => write("warn", msg, f),
  error: (msg: string, f?: Record<string, unknown>) => write("error", msg, f),
};
