import "server-only";
import type { IncomingMessage } from "node:http";
import { request as httpRequest } from "node:http";
import type { Socket } from "node:net";
import { Readable } from "node:stream";
import { guardedConnect, resolveChecked, systemResolver, type Resolver } from "./guarded-connect";
import { SafeFetchError } from "./safe-fetch-error";
import { checkUrl, compileUrlPolicy, type CheckedUrl, type UrlPolicyOptions } from "./url-policy";

// SSRF-safe GET for re-hosting upstream results. node:http is used on purpose: global fetch cannot
// show us the connected peer address (a lookup-only guard misses IP literals). Every hop is a fresh, unpooled socket.

export interface SafeDownloadOptions extends UrlPolicyOptions {
  /** Hard cap on body bytes; a larger Content-Length fails before reading, a longer body mid-stream. */
  maxBytes: number;
  /** Total deadline from the first DNS lookup until the last body byte. */
  timeoutMs: number;
  /** DNS + TCP connect deadline per hop. */
  connectTimeoutMs: number;
  /**
   * Socket inactivity allowed while waiting for headers or body bytes; default min(timeoutMs, 30 s).
   * Backpressure counts as inactivity, so the consumer must keep reading (disk writes do).
   */
  idleTimeoutMs?: number;
  maxRedirects: number;
  headers?: Readonly<Record<string, string>>;
  /** Cancels the download (e.g. the worker lost its lease); surfaces as code "aborted". */
  signal?: AbortSignal;
  /** DNS resolver override, for tests. */
  resolver?: Resolver;
  /** Extra trusted CA certificates (PEM) for https; the system store otherwise. */
  ca?: string | Buffer;
}

export interface SafeDownloadResult {
  status: number;
  headers: Record<string, string>;
  /** Streams the body; errors with SafeFetchError (too_large, timeout, network). Destroy to cancel. */
  body: Readable;
  contentLength?: number;
  /** Final URL after redirects. */
  url: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** One download attempt's failure channel: the first reason wins and every stream is torn down. */
class Attempt {
  reason: SafeFetchError | undefined;
  private readonly teardowns = new Set<(err: SafeFetchError) => void>();
  private timer: NodeJS.Timeout | undefined;
  private readonly onAbort = () => this.fail(new SafeFetchError("aborted", "download aborted by caller"));

  constructor(private readonly opts: SafeDownloadOptions) {
    this.timer = setTimeout(
      () => this.fail(new SafeFetchError("timeout", `download exceeded ${opts.timeoutMs} ms`)),
      opts.timeoutMs,
    );
    if (opts.signal?.aborted) this.onAbort();
    else opts.signal?.addEventListener("abort", this.onAbort, { once: true });
  }
  onFail(fn: (err: SafeFetchError) => void): () => void {
    if (this.reason) fn(this.reason);
    else this.teardowns.add(fn);
    return () => this.teardowns.delete(fn);
  }
  fail(err: SafeFetchError): void {
    if (this.reason) return;
    this.reason = err;
    for (const fn of this.teardowns) fn(err);
    this.teardowns.clear();
    this.dispose();
  }
  /** Maps any low-level error to the recorded reason, or to a typed error. */
  map(err: unknown, url?: string): SafeFetchError {
    if (this.reason) return this.reason;
    if (err instanceof SafeFetchError) return err;
    const code = (err as { code?: unknown } | null)?.code;
    const detail = typeof code === "string" ? code : err instanceof Error ? err.message : "error";
    return new SafeFetchError("network", `network error: ${detail}`, { cause: err, ...(url ? { url } : {}) });
  }
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.opts.signal?.removeEventListener("abort", this.onAbort);
  }
}

async function withConnectTimeout<T>(p: Promise<T>, ms: number, attempt: Attempt): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let off: (() => void) | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new SafeFetchError("timeout", `connect exceeded ${ms} ms`)), ms);
        off = attempt.onFail(reject);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    off?.();
  }
}

async function requestHop(hop: CheckedUrl, opts: SafeDownloadOptions, attempt: Attempt): Promise<IncomingMessage> {
  const { hostname, port, trusted, url } = hop;
  const answers = await withConnectTimeout(
    resolveChecked(hostname, trusted, opts.resolver ?? systemResolver),
    opts.connectTimeoutMs,
    attempt,
  );
  const idleMs = opts.idleTimeoutMs ?? Math.min(opts.timeoutMs, 30_000);
  return await new Promise<IncomingMessage>((resolve, reject) => {
    let socket: Socket | undefined;
    const connectTimer = setTimeout(
      () => fail(new SafeFetchError("timeout", `connect exceeded ${opts.connectTimeoutMs} ms`)),
      opts.connectTimeoutMs,
    );
    const fail = (err: SafeFetchError) => attempt.fail(err);
    const req = httpRequest({
      method: "GET",
      host: hostname,
      port,
      path: `${url.pathname}${url.search}`,
      headers: { "user-agent": "Framehouse", ...opts.headers, host: url.host, "accept-encoding": "identity" },
      createConnection: () => {
        socket = guardedConnect({
          hostname,
          port,
          tls: url.protocol === "https:",
          trusted,
          answers,
          ...(opts.ca !== undefined ? { ca: opts.ca } : {}),
          onConnected: () => clearTimeout(connectTimer),
        });
        socket.setTimeout(idleMs, () => fail(new SafeFetchError("timeout", `stalled for ${idleMs} ms`)));
        return socket;
      },
    });
    const off = attempt.onFail((err) => {
      clearTimeout(connectTimer);
      req.destroy(err);
      socket?.destroy(err);
    });
    req.once("response", (res) => {
      clearTimeout(connectTimer);
      off();
      resolve(res);
    });
    req.on("error", (err) => {
      clearTimeout(connectTimer);
      off();
      reject(attempt.map(err, url.href));
    });
    req.end();
  });
}

function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) {
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

/** Wraps the response in a Readable that enforces the byte cap, detects truncation and cleans up. */
function limitedBody(res: IncomingMessage, opts: SafeDownloadOptions, attempt: Attempt, expected?: number): Readable {
  let seen = 0;
  let done = false;
  const finish = () => {
    done = true;
    offFail();
    attempt.dispose();
    res.socket?.destroy(); // unpooled: nothing to return to an agent
  };
  const body = new Readable({
    read: () => void res.resume(),
    destroy: (err, cb) => {
      if (!done) {
        res.destroy();
        finish();
      }
      cb(err);
    },
  });
  // A failure (deadline, abort) can land before the caller starts reading. Without a listener the
  // 'error' event would crash the process; the error still reaches the consumer, because reading or
  // piping a destroyed stream reports its stored error.
  body.on("error", () => undefined);
  const offFail = attempt.onFail((err) => body.destroy(err));
  // Stay paused until the consumer asks for data (read() resumes), so nothing is buffered early.
  res.pause();
  res.on("data", (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > opts.maxBytes) {
      attempt.fail(new SafeFetchError("too_large", `body exceeded ${opts.maxBytes} bytes`));
      return;
    }
    if (!body.push(chunk)) res.pause();
  });
  res.once("end", () => {
    if (done) return;
    if (!res.complete || (expected !== undefined && seen !== expected)) {
      attempt.fail(new SafeFetchError("network", `truncated body: ${seen} of ${expected ?? "?"} bytes`));
      return;
    }
    finish();
    body.push(null);
  });
  res.on("error", (err) => {
    if (!done) body.destroy(attempt.map(err));
  });
  res.once("close", () => {
    if (!done && !res.complete) attempt.fail(attempt.map(new SafeFetchError("network", "connection closed early")));
  });
  return body;
}

/**
 * GETs `input` under the SSRF rules (https only except exact allowOrigins, allowlisted hosts, every
 * DNS answer and the connected peer public, every redirect re-checked) with byte and time caps.
 * Resolves once a 2xx response's headers arrive; throws SafeFetchError otherwise.
 */
export async function safeDownload(input: string | URL, opts: SafeDownloadOptions): Promise<SafeDownloadResult> {
  const policy = compileUrlPolicy(opts);
  const attempt = new Attempt(opts);
  try {
    let current: string | URL = input;
    for (let redirects = 0; ; redirects++) {
      const hop = checkUrl(current, policy);
      const res = await requestHop(hop, opts, attempt);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location !== undefined) {
        res.destroy();
        if (redirects >= opts.maxRedirects) {
          throw new SafeFetchError("too_many_redirects", `more than ${opts.maxRedirects} redirects`, { url: hop.url.href });
        }
        try {
          current = new URL(location, hop.url);
        } catch {
          throw new SafeFetchError("blocked_host", "redirect to an invalid URL", { url: hop.url.href });
        }
        continue;
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw new SafeFetchError("http_status", `HTTP ${status}`, { status, url: hop.url.href });
      }
      const lenHeader = res.headers["content-length"];
      const contentLength = lenHeader !== undefined && /^\d+$/.test(lenHeader) ? Number(lenHeader) : undefined;
      if (contentLength !== undefined && contentLength > opts.maxBytes) {
        res.destroy();
        throw new SafeFetchError("too_large", `Content-Length ${contentLength} exceeds ${opts.maxBytes}`, {
          url: hop.url.href,
        });
      }
      const body = limitedBody(res, opts, attempt, contentLength);
      return {
        status,
        headers: flatHeaders(res),
        body,
        ...(contentLength !== undefined ? { contentLength } : {}),
        url: hop.url.href,
      };
    }
  } catch (err) {
    const mapped = attempt.map(err);
    attempt.dispose();
    throw mapped;
  }
}
