import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { MEDIA_BASELINE_HEADERS } from "@/lib/shared/security-headers.mjs";
import { sendPooledRange } from "../media/send-pooled-range";
import { planRange } from "../media/serve-range";
import type { ReadHandle, Storage } from "../storage/storage";
import { type MediaUrlKey, SIGNED_MEDIA_PREFIX } from "../media/signed-url";
import { SIGNED_MEDIA_HEADERS, signedMediaTarget } from "./serve-signed-media";

// Signed media URLs answered on node:http, before Next: a player seeking through a clip sends a Range
// request every few hundred milliseconds, and each one costs Next's routing, a Web Request/Response
// and a web-stream copy of the bytes (measured: the route served 0.12–0.18× of nginx's throughput on
// two cores). Here a valid URL costs one HMAC, a lease on the file's shared descriptor (whose fstat plans the
// answer), the head written at once, and the range read into a reused buffer and written to the socket (a
// stream for stores without openRead). The decision (status, headers, range)
// is the route's own (planRange, signedMediaTarget); what this adds is the security headers
// next.config.mjs would have set (lib/shared/security-headers.mjs).
// Everything that is not a plain answer — a bad or expired signature, a missing object, a storage
// error before the first byte, another method — is left to the route, which answers with the
// bilingual JSON error every API route has.

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === "string" ? v : null;
}

export function signedMediaNode(store: () => Storage, key: () => MediaUrlKey) {
  return async function serveSignedMediaNode(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (!req.url?.startsWith(SIGNED_MEDIA_PREFIX)) return false;
    // The same normalisation as the route's `new URL(req.url)`, so both check the same path.
    const url = new URL(req.url, "http://fast-path.invalid");
    let target;
    try {
      target = signedMediaTarget(store(), key(), url.pathname, url.search);
    } catch {
      return false;
    }
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD") return false;
    // Local disk: the answer is planned from the opened file's own stat, not from a stat by name before
    // the open; both come from the descriptor the local driver shares between the reads of the next
    // second, so a request usually waits on no file-system call before its head (bench P5, seek latency).
    const { storage } = target;
    const handle: ReadHandle | null = storage.openRead ? await storage.openRead(target.key).catch(() => null) : null;
    if (storage.openRead && !handle) return false;
    const plan = await planRange(method, (name) => header(req, name), target, handle?.stat).catch(() => null);
    if (!plan) {
      handle?.close();
      return false;
    }
    const { range } = plan;
    // Other stores stream the range.
    let body: Readable | null = null;
    if (range && !handle) {
      body = await storage.read(target.key, range).catch(() => null);
      if (!body) return false;
    }

    const headers: Record<string, string> = {};
    for (const h of MEDIA_BASELINE_HEADERS) headers[h.key.toLowerCase()] = h.value;
    plan.headers.forEach((value, name) => {
      headers[name] = value;
    });
    Object.assign(headers, SIGNED_MEDIA_HEADERS);
    res.writeHead(plan.status, headers);
    if (handle && range) {
      await sendPooledRange(handle, range, res);
      return true;
    }
    handle?.close();
    if (!body) {
      res.end();
      return true;
    }
    // A client that goes away (a seek cancels the previous range) ends the pipeline, which closes the file.
    await pipeline(body, res).catch(() => undefined);
    return true;
  };
}
