import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

// One HTTP exchange over node:http(s) with the guarantees the create path needs: a connect timeout
// separate from the whole-call timeout, a response byte cap, and knowledge of whether the request
// could have reached the peer (the socket connected) when something went wrong.

export type TransportFailure =
  | "connect-timeout" // no connection within connectTimeoutMs: nothing sent
  | "connect-failed" // DNS / refused / unreachable / TLS handshake: nothing sent
  | "timeout" // whole-call deadline passed
  | "reset" // socket error after connecting, before a response
  | "truncated" // response ended before its declared end
  | "body-too-large"; // response exceeded maxResponseBytes

export class TransportError extends Error {
  constructor(
    readonly reason: TransportFailure,
    /** True once the connection was established: the request bytes may have been received. */
    readonly mayHaveSent: boolean,
  ) {
    super(`transport failure: ${reason}`);
  }
}

export interface HttpCallOptions {
  url: URL;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: Buffer;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
  maxResponseBytes: number;
  /** Custom DNS resolution (e.g. a pinned or guarded resolver; tests use it to stall DNS). */
  lookup?: LookupFunction;
}

export interface HttpCallResult {
  status: number;
  body: Buffer;
  /** The Retry-After header as sent (seconds or an HTTP date), if any. */
  retryAfter?: string;
}

export function httpCall(opts: HttpCallOptions): Promise<HttpCallResult> {
  const isHttps = opts.url.protocol === "https:";
  const mod = isHttps ? https : http;
  return new Promise<HttpCallResult>((resolve, reject) => {
    let settled = false;
    let connected = false;
    const headers = { ...opts.headers };
    if (opts.body) headers["Content-Length"] = String(opts.body.length);
    // agent:false → a fresh socket per call, so "connected" really means this request's connection
    // (a stale keep-alive socket would blur the sent / not-sent line the create path depends on).
    const req = mod.request({
      protocol: opts.url.protocol,
      hostname: opts.url.hostname.replace(/^\[|\]$/g, ""),
      port: opts.url.port || (isHttps ? 443 : 80),
      path: `${opts.url.pathname}${opts.url.search}`,
      method: opts.method,
      headers,
      agent: false,
      ...(opts.lookup ? { lookup: opts.lookup } : {}),
    });

    const finish = (err: TransportError | null, result?: HttpCallResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      if (err) {
        req.destroy();
        reject(err);
      } else if (result) resolve(result);
    };
    const fail = (reason: TransportFailure) => finish(new TransportError(reason, connected));

    const connectTimer = setTimeout(() => {
      if (!connected) fail("connect-timeout");
    }, opts.connectTimeoutMs);
    const totalTimer = setTimeout(() => fail("timeout"), opts.requestTimeoutMs);

    req.on("socket", (socket) => {
      socket.once(isHttps ? "secureConnect" : "connect", () => {
        connected = true;
        clearTimeout(connectTimer);
      });
    });
    req.on("error", () => fail(connected ? "reset" : "connect-failed"));
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const declared = Number(res.headers["content-length"]);
      if (Number.isFinite(declared) && declared > opts.maxResponseBytes) return fail("body-too-large");
      const chunks: Buffer[] = [];
      let total = 0;
      res.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > opts.maxResponseBytes) return fail("body-too-large");
        chunks.push(chunk);
      });
      res.on("end", () => {
        if (!res.complete) return fail("truncated");
        const retryAfter = res.headers["retry-after"];
        finish(null, { status, body: Buffer.concat(chunks), ...(typeof retryAfter === "string" ? { retryAfter } : {}) });
      });
      res.on("error", () => fail("truncated"));
      res.on("close", () => {
        if (!res.complete) fail("truncated");
      });
    });
    req.end(opts.body);
  });
}
