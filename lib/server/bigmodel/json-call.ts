import "server-only";
import type { LookupFunction } from "node:net";
import type { z } from "zod";
import { classifyUpstreamError } from "@/lib/shared/upstream/error-codes";
import { errorEnvelopeSchema } from "@/lib/shared/upstream/response-schemas";
import { TransportError, httpCall } from "./http-call";
import { UpstreamError, parseRetryAfter, safeSnippet, type UpstreamOperation } from "./upstream-error";

// One JSON exchange with the platform, shared by every endpoint's client (video, chat, …): the key
// in the Authorization header, the response checked against the endpoint's schema, and every
// failure turned into one UpstreamError whose `kind` says what the caller may do next. It never
// retries: a POST must not be re-sent blindly (a second accept is a second charge).

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

export interface JsonCaller {
  call<T extends z.ZodType>(operation: UpstreamOperation, method: "GET" | "POST", path: string, schema: T, body?: unknown): Promise<z.output<T>>;
  /** An UpstreamError built here (message redacted of the key). */
  err(operation: UpstreamOperation, kind: UpstreamError["kind"], httpStatus: number, code: string, msg: string, retryAfterMs?: number): UpstreamError;
}

export function createJsonCaller(options: BigModelClientOptions): JsonCaller {
  const { apiKey } = options;
  const base = options.baseUrl.replace(/\/+$/, "");
  const secrets = [apiKey];
  const limits = {
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
  };

  const err: JsonCaller["err"] = (operation, kind, httpStatus, code, msg, retryAfterMs) =>
    new UpstreamError({ kind, httpStatus, code, operation, message: safeSnippet(msg, secrets), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

  async function call<T extends z.ZodType>(operation: UpstreamOperation, method: "GET" | "POST", path: string, schema: T, body?: unknown): Promise<z.output<T>> {
    let res;
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), "utf8");
    try {
      res = await httpCall({
        url: new URL(`${base}${path}`),
        method,
        headers: {
          Authorization: `Bearer ${apiKey}`,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json; charset=UTF-8" }),
        },
        body: payload,
        ...limits,
        requestTimeoutMs: requestTimeoutFor(limits.requestTimeoutMs, payload?.length ?? 0),
        lookup: options.lookup,
      });
    } catch (e) {
      if (!(e instanceof TransportError)) throw err(operation, "retry", 0, "transport", "unexpected transport failure");
      if (e.reason === "body-too-large") {
        return Promise.reject(err(operation, "malformed", 0, e.reason, `${operation}: response larger than ${limits.maxResponseBytes} bytes`));
      }
      // Only a POST that may have reached the upstream is ambiguous (it may be billed); a GET is always safe to repeat.
      const kind = method === "POST" && e.mayHaveSent ? "ambiguous" : "retry";
      throw err(operation, kind, 0, e.reason, `${operation}: ${e.reason}${kind === "ambiguous" ? " after the request was sent" : ""}`);
    }

    const text = res.body.toString("utf8");
    let json: unknown;
    let parsedOk = true;
    try {
      json = JSON.parse(text);
    } catch {
      parsedOk = false;
    }

    if (res.status >= 200 && res.status < 300) {
      if (!parsedOk) throw err(operation, "malformed", res.status, "invalid-json", `${operation}: HTTP ${res.status} body is not JSON`);
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const where = parsed.error.issues.map((i) => i.path.join(".") || "(root)").join(", ");
        throw err(operation, "malformed", res.status, "schema-mismatch", `${operation}: unexpected response shape at ${where}`);
      }
      return parsed.data;
    }

    const retryAfterMs = parseRetryAfter(res.retryAfter);
    const envelope = parsedOk ? errorEnvelopeSchema.safeParse(json) : undefined;
    if (envelope?.success) {
      const rawCode = envelope.data.error.code;
      const code = /^[\w-]{1,32}$/.test(rawCode) ? rawCode : "unknown";
      const kind = classifyUpstreamError(res.status, code);
      throw err(operation, kind, res.status, code, `${operation}: HTTP ${res.status} code ${code}: ${envelope.data.error.message ?? ""}`, retryAfterMs);
    }
    // No envelope (an HTML page from a proxy, an empty body): the status alone is all we know.
    const kind = res.status >= 500 || res.status === 429 ? "retry" : "malformed";
    throw err(operation, kind, res.status, `http-${res.status}`, `${operation}: HTTP ${res.status} without an error envelope`, retryAfterMs);
  }

  return { call, err };
}
