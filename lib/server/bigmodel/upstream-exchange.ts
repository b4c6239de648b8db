import "server-only";
import type { LookupFunction } from "node:net";
import type { z } from "zod";
import { classifyUpstreamError } from "@/lib/shared/upstream/error-codes";
import { errorEnvelopeSchema } from "@/lib/shared/upstream/response-schemas";
import { TransportError, httpCall, type HttpCallResult } from "./http-call";
import { UpstreamError, parseRetryAfter, safeSnippet, type UpstreamOperation } from "./upstream-error";

// One authenticated exchange with the platform, shared by every endpoint client (video, chat,
// images, speech): the key sent as Bearer from here only, transport failures and error envelopes turned into
// the one UpstreamError, and 2xx replies handed back for the endpoint to read (JSON or audio).

export interface BigModelClientOptions {
  /** e.g. https://open.bigmodel.cn/api/paas/v4 (no trailing slash needed). */
  baseUrl: string;
  apiKey: string;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxResponseBytes?: number;
  /** Custom DNS lookup passed to node:http (pinning, guards, tests). */
  lookup?: LookupFunction;
}

export interface Exchange {
  /** Sends one request; resolves with a 2xx reply, throws UpstreamError for anything else. */
  send(operation: UpstreamOperation, method: "GET" | "POST", path: string, body?: unknown, accept?: string): Promise<HttpCallResult>;
  /** A 2xx JSON reply read through `schema` (malformed when it is not JSON or off-contract). */
  json<T extends z.ZodType>(operation: UpstreamOperation, res: HttpCallResult, schema: T): z.output<T>;
  /** send + json: one JSON request and its reply read through `schema` (video and chat). */
  call<T extends z.ZodType>(operation: UpstreamOperation, method: "GET" | "POST", path: string, schema: T, body?: unknown): Promise<z.output<T>>;
  /** An UpstreamError with a redacted message. */
  fail(operation: UpstreamOperation, kind: UpstreamError["kind"], httpStatus: number, code: string, msg: string, retryAfterMs?: number): UpstreamError;
}

const DEFAULTS = { connectTimeoutMs: 8_000, requestTimeoutMs: 60_000, maxResponseBytes: 1024 * 1024 };
/**
 * Slowest upload we plan for: a create with two frames as data URIs is a few MB, and a timeout that
 * fires while the body is still going up turns a create the upstream may accept into an ambiguous
 * one. The whole-call deadline is the configured one plus the body's time at this rate.
 */
const MIN_UPLOAD_BYTES_PER_SECOND = 128 * 1024;

export function requestTimeoutFor(configuredMs: number, bodyBytes: number): number {
  return configuredMs + Math.ceil((bodyBytes / MIN_UPLOAD_BYTES_PER_SECOND) * 1000);
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

export function createExchange(options: BigModelClientOptions): Exchange {
  const { apiKey } = options;
  const base = options.baseUrl.replace(/\/+$/, "");
  const secrets = [apiKey];
  const limits = {
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
  };

  const fail: Exchange["fail"] = (operation, kind, httpStatus, code, msg, retryAfterMs) =>
    new UpstreamError({ kind, httpStatus, code, operation, message: safeSnippet(msg, secrets), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

  async function send(operation: UpstreamOperation, method: "GET" | "POST", path: string, body?: unknown, accept = "application/json"): Promise<HttpCallResult> {
    let res: HttpCallResult;
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), "utf8");
    try {
      res = await httpCall({
        url: new URL(`${base}${path}`),
        method,
        headers: {
          Authorization: `Bearer ${apiKey}`,
          Accept: accept,
          ...(body === undefined ? {} : { "Content-Type": "application/json; charset=UTF-8" }),
        },
        body: payload,
        ...limits,
        requestTimeoutMs: requestTimeoutFor(limits.requestTimeoutMs, payload?.length ?? 0),
        lookup: options.lookup,
      });
    } catch (e) {
      if (!(e instanceof TransportError)) throw fail(operation, "retry", 0, "transport", "unexpected transport failure");
      if (e.reason === "body-too-large") {
        throw fail(operation, "malformed", 0, e.reason, `${operation}: response larger than ${limits.maxResponseBytes} bytes`);
      }
      // Only a paid call that may have reached the upstream is ambiguous; a GET is always safe to repeat.
      const kind = operation !== "query" && e.mayHaveSent ? "ambiguous" : "retry";
      throw fail(operation, kind, 0, e.reason, `${operation}: ${e.reason}${kind === "ambiguous" ? " after the request was sent" : ""}`);
    }
    if (res.status >= 200 && res.status < 300) return res;

    const retryAfterMs = parseRetryAfter(res.retryAfter);
    const parsed = parseJson(res.body.toString("utf8"));
    const envelope = parsed.ok ? errorEnvelopeSchema.safeParse(parsed.value) : undefined;
    if (envelope?.success) {
      const rawCode = envelope.data.error.code;
      const code = /^[\w-]{1,32}$/.test(rawCode) ? rawCode : "unknown";
      const kind = classifyUpstreamError(res.status, code);
      throw fail(operation, kind, res.status, code, `${operation}: HTTP ${res.status} code ${code}: ${envelope.data.error.message ?? ""}`, retryAfterMs);
    }
    // No envelope (an HTML page from a proxy, an empty body): the status alone is all we know.
    const kind = res.status >= 500 || res.status === 429 ? "retry" : "malformed";
    throw fail(operation, kind, res.status, `http-${res.status}`, `${operation}: HTTP ${res.status} without an error envelope`, retryAfterMs);
  }

  function json<T extends z.ZodType>(operation: UpstreamOperation, res: HttpCallResult, schema: T): z.output<T> {
    const parsed = parseJson(res.body.toString("utf8"));
    if (!parsed.ok) throw fail(operation, "malformed", res.status, "invalid-json", `${operation}: HTTP ${res.status} body is not JSON`);
    const checked = schema.safeParse(parsed.value);
    if (!checked.success) {
      const where = checked.error.issues.map((i) => i.path.join(".") || "(root)").join(", ");
      throw fail(operation, "malformed", res.status, "schema-mismatch", `${operation}: unexpected response shape at ${where}`);
    }
    return checked.data;
  }

  const call: Exchange["call"] = async (operation, method, path, schema, body) => json(operation, await send(operation, method, path, body), schema);

  return { send, json, call, fail };
}
