import "server-only";
import { z } from "zod";

// The ONLY module that reads process.env Parsed once; a bad value throws an
// error that names the variable, so `npm start` stops with a clear message instead of misbehaving.

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");
const emptyToUndef = (v: unknown) => (v === "" ? undefined : v);
const optStr = z.preprocess(emptyToUndef, z.string().min(1).optional());
const optUrl = z.preprocess(emptyToUndef, z.url().optional());
const optPrice = z.preprocess(emptyToUndef, z.coerce.number().int().min(0).max(1_000_000).optional());
const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);
const num = (def: number, min: number, max: number) => z.coerce.number().min(min).max(max).default(def);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Database: file:./data/framehouse.db (SQLite, default) or postgres(ql)://...
  DATABASE_URL: z
    .string()
    .default("file:./data/framehouse.db")
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), "must start with file: or postgres://"),
  // Where local media and uploads live (storage driver "local").
  DATA_DIR: z.string().min(1).default("./data"),
  STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
  S3_BUCKET: optStr,
  S3_ENDPOINT: optUrl,
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: optStr,
  S3_SECRET_ACCESS_KEY: optStr,
  S3_FORCE_PATH_STYLE: bool.default(true),
  // Local storage behind nginx only: media routes authorize, then answer `X-Accel-Redirect: <prefix><key>`
  // and nginx serves the file from an `internal` location aliasing DATA_DIR/media/ (docs/deploy.md).
  // Unset (default): Node streams the bytes itself. Ignored with STORAGE_DRIVER=s3.
  MEDIA_ACCEL_REDIRECT_PREFIX: z.preprocess(
    emptyToUndef,
    z
      .string()
      .regex(/^\/[A-Za-z0-9._~/-]*\/$/, 'must be a URI path that starts and ends with "/", e.g. /_protected_media/')
      .optional(),
  ),

  // Signed media URLs (lib/server/media/signed-url.ts): pages authorize once and hand players URLs
  // that live MEDIA_URL_TTL_SECONDS (plus at most a quarter of it: expiries are rounded up so a URL
  // stays the same, and cacheable, across page views). MEDIA_URL_SIGNING=hmac: the app's own byte
  // route checks HMAC-SHA256; nginx-md5: nginx's secure_link module checks them (docs/deploy.md), and
  // then MEDIA_URL_SECRET must be set, since nginx's config holds the same value. Unset secret: derived
  // from AUTH_SECRET. Changing either secret invalidates every URL already handed out.
  MEDIA_URL_SIGNING: z.enum(["hmac", "nginx-md5"]).default("hmac"),
  MEDIA_URL_SECRET: z.preprocess(
    emptyToUndef,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{32,256}$/, "must be 32 to 256 characters of A-Z a-z 0-9 _ - (it is pasted into nginx's config), e.g. openssl rand -hex 32")
      .optional(),
  ),
  MEDIA_URL_TTL_SECONDS: int(600, 30, 86_400),

  // Auth. AUTH_SECRET signs session JWTs; scripts/start.mjs creates one under DATA_DIR if unset.
  AUTH_SECRET: z.preprocess(emptyToUndef, z.string().min(32, "must be at least 32 characters").optional()),
  NEXTAUTH_URL: optUrl,
  REGISTRATION: z.enum(["open", "invite"]).default("invite"),
  GITHUB_ID: optStr,
  GITHUB_SECRET: optStr,
  OIDC_ISSUER: optUrl,
  OIDC_CLIENT_ID: optStr,
  OIDC_CLIENT_SECRET: optStr,
  OIDC_NAME: z.string().default("SSO"),
  // Password reset by email (lib/server/mail): off unless SMTP_URL is set. smtp://user:pass@host:587
  // (STARTTLS when the server offers it) or smtps://user:pass@host:465 (TLS from the start); MAIL_FROM
  // is the sender, e.g. "Framehouse <studio@example.com>". Links in mails start with PUBLIC_BASE_URL.
  SMTP_URL: z.preprocess(emptyToUndef, z.string().regex(/^smtps?:\/\/[^\s/?#]+\/?$/, "must be smtp://[user:pass@]host[:port] or smtps://… (percent-encode / ? # @ in the password)").optional()),
  MAIL_FROM: optStr,

  // Upstream. No key -> the built-in simulator serves the same protocol in-process.
  BIGMODEL_API_KEY: optStr,
  BIGMODEL_BASE_URL: z.url().default("https://open.bigmodel.cn/api/paas/v4"),
  BIGMODEL_CONNECT_TIMEOUT_MS: int(8_000, 100, 120_000),
  BIGMODEL_REQUEST_TIMEOUT_MS: int(60_000, 500, 600_000),
  // Optional allowlist of hosts result URLs may be downloaded from (comma separated). Empty (the
  // default): any public https host, through the SSRF guard (private addresses stay blocked).
  BIGMODEL_MEDIA_HOSTS: z.string().default(""),
  // Model codes for stills and voice-over (docs/upstream.md, "Images (CogView-4)", "Speech (GLM-TTS)").
  BIGMODEL_IMAGE_MODEL: z.string().min(1).default("cogview-4-250304"),
  BIGMODEL_SPEECH_MODEL: z.string().min(1).default("glm-tts"),
  // Simulator: generation-time speed factor (1 = realistic 90-300 s; 100 = ~1-3 s), FAIL rate, URL lifetime.
  SIMULATOR_SPEED: num(20, 0.01, 100_000),
  SIMULATOR_FAIL_RATE: num(0, 0, 1),
  SIMULATOR_CONCURRENCY: int(5, 1, 1000),
  SIMULATOR_URL_TTL_SECONDS: int(86_400, 1, 30 * 86_400),
  SIMULATOR_PORT: int(4010, 0, 65_535),
  // Where the built-in simulator keeps its rendered clips (cached by request input). Empty (the
  // default): <DATA_DIR>/simulator/renders. The e2e server points it outside its throw-away data folder.
  SIMULATOR_RENDER_CACHE_DIR: optStr,

  // HTTP entry point (scripts/server.mjs). TRUST_PROXY=1: take the client IP from X-Forwarded-For
  // (set it only behind a reverse proxy that overwrites that header).
  PORT: int(3000, 1, 65_535),
  HOST: z.string().default("0.0.0.0"),
  TRUST_PROXY: bool.default(false),
  // Node's own libuv thread pool size (Node reads it at start; default 4). File reads and password
  // hashes share that pool: at most max(1, min(UV_THREADPOOL_SIZE - 2, cores - 1)) hashes run at once (auth/hash-gate.ts).
  UV_THREADPOOL_SIZE: int(4, 1, 1024),

  // Product.
  PRICE_FEN: int(250, 0, 1_000_000), // price of one clip, in fen (¥2.50)
  // Per-model prices (fen); unset = PRICE_FEN.
  PRICE_FEN_TEXT: optPrice,
  PRICE_FEN_IMAGE: optPrice,
  PRICE_FEN_START_END: optPrice,
  // Platform calls other than video (lib/server/ai-calls/price.ts): chat by tokens from the answer's
  // usage (fen per 1,000 tokens, rounded up per call), a still per image, speech per request.
  PRICE_FEN_PER_1K_CHAT_TOKENS: num(1, 0, 100_000),
  PRICE_FEN_STILL: int(6, 0, 1_000_000),
  PRICE_FEN_SPEECH: int(2, 0, 1_000_000),
  // The chat model of prompt help and the script breakdown (docs/upstream.md §8): a low-cost GLM model by default.
  CHAT_MODEL: z.string().min(1).default("glm-4-flash-250414"),
  // How long POST /api/prompt-help and POST /api/films/:id/script wait for the answer before answering 202 pending (then GET polls).
  PROMPT_HELP_WAIT_MS: int(20_000, 0, 120_000),
  // Time zone of budget months and days (IANA name).
  BUDGET_TIME_ZONE: z
    .string()
    .default("Asia/Shanghai")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "unknown IANA time zone"),
  MODEL_CONCURRENCY: int(5, 1, 100), // in-flight upstream tasks per model, across all workers
  PUBLIC_BASE_URL: optUrl,
  // Host names the studio answers to besides the hosts of PUBLIC_BASE_URL / NEXTAUTH_URL and loopback
  // (lib/shared/request-gate.ts reads it from process.env; listed here so a start validates it).
  ALLOWED_HOSTS: z.preprocess(emptyToUndef, z.string().regex(/^\s*[^\s,]+(\s*,\s*[^\s,]+)*\s*$/, "a comma-separated list of host or host:port").optional()),
  // Local media jobs (last-frame extraction, …) running at once across all workers: each is one ffmpeg.
  MEDIA_JOB_CONCURRENCY: int(2, 1, 64),
  // Uploads (lib/server/uploads): what one user may store of input images, in MB (1 MB = 1,048,576
  // bytes) per rolling 24 hours and in total; an upload no take uses is deleted this many hours after
  // it was last used (the collector run by the worker).
  UPLOAD_QUOTA_DAILY_MB: int(500, 1, 1_000_000),
  UPLOAD_QUOTA_TOTAL_MB: int(5000, 1, 10_000_000),
  UPLOAD_GC_GRACE_HOURS: num(24, 1, 24 * 365),
  WORKER_IN_APP: bool.default(true),
  // Job runner (lib/server/jobs): jobs of local work per process, lease length (DB clock), idle DB poll interval, and a
  // divisor for the worker's own time constants (backoff, poll spacing, ceilings) used with a fast simulator.
  WORKER_CONCURRENCY: int(4, 1, 64),
  // Jobs per process awaiting the platform in an upstream lane's slot besides WORKER_CONCURRENCY (the
  // lanes' caps bound them across processes); 0 = they count against WORKER_CONCURRENCY.
  WORKER_UPSTREAM_JOBS: int(64, 0, 1000),
  WORKER_LEASE_MS: int(60_000, 500, 3_600_000),
  WORKER_IDLE_POLL_MS: int(1_000, 20, 60_000),
  WORKER_TIME_SCALE: num(1, 1, 100_000),
  WORKER_BREAKER_PROBE_MS: int(60_000, 50, 3_600_000),
  // Test hook: SIGKILL this process at the labelled point (lib/server/jobs/crash-point.ts), e.g. submit.afterSend.
  CRASH_AT: optStr,
  // Test hook: SIGSTOP this process at the labelled point instead (a zombie holding a lease, outside any transaction).
  FREEZE_AT: optStr,
  // With CRASH_AT or FREEZE_AT: only when the step works on this subject (a take id, an export id), e.g. the second take of a chain.
  CRASH_SUBJECT: optStr,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // Diagnostics (the bench sets it): route responses carry a Server-Timing header, where the time of a
  // request went (lib/server/spans.ts). Off by default: it tells a client how long our queries take.
  SERVER_TIMING: bool.default(false),
});

export type Env = z.infer<typeof schema>;
/** Every variable the app reads (documented in .env.example; a unit test keeps the two in sync). */
export const ENV_KEYS = Object.keys(schema.shape) as (keyof Env)[];

export class EnvError extends Error {}

let cached: Env | undefined;

/** Parse an environment record; exported for tests. Throws EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const r = schema.safeParse(source);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  if (r.data.MEDIA_URL_SIGNING === "nginx-md5" && !r.data.MEDIA_URL_SECRET) {
    throw new EnvError("Invalid configuration:\n  MEDIA_URL_SECRET: required when MEDIA_URL_SIGNING=nginx-md5 (nginx's secure_link_md5 holds the same value)");
  }
  if (r.data.SMTP_URL && !r.data.MAIL_FROM) {
    throw new EnvError('Invalid configuration:\n  MAIL_FROM: required when SMTP_URL is set, e.g. "Framehouse <studio@example.com>"');
  }
  if (r.data.STORAGE_DRIVER === "s3" && !r.data.S3_BUCKET) {
    throw new EnvError("Invalid configuration:\n  S3_BUCKET: required when STORAGE_DRIVER=s3");
  }
  return r.data;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** True when no API key is configured: the in-process simulator answers instead of BigModel. */
export function usingSimulator(): boolean {
  return !env().BIGMODEL_API_KEY;
}

/**
 * Whether people reach the studio over https (NEXTAUTH_URL, else PUBLIC_BASE_URL). Then next-auth
 * names its session cookie `__Secure-…` (auth-options.ts sets useSecureCookies from this), only that
 * name is accepted (auth/session.ts), and the app's own cookies are marked Secure (http/app-cookie.ts).
 */
export function servedOverHttps(e: Env = env()): boolean {
  return (e.NEXTAUTH_URL ?? e.PUBLIC_BASE_URL)?.startsWith("https://") ?? false;
}
