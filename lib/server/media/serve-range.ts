import "server-only";
import type { Readable } from "node:stream";
import type { ObjectStat, Storage } from "@/lib/server/storage/storage";
import { isStorageError } from "@/lib/server/storage/storage-error";
import { AppError } from "../errors";
import { contentRange, parseRange, unsatisfiedRange } from "@/lib/shared/http-range";

// Streams one stored object as a Web Response with HTTP Range support.
// Authorization happens before this is called; `cacheControl` is chosen by the caller
// (`private, max-age=…` for owner media, public only for public share links).

export interface ServeRangeOptions {
  storage: Storage;
  key: string;
  contentType: string;
  /** Offered as an attachment with this name; inline otherwise. */
  downloadName?: string;
  cacheControl: string;
  /** Strong validator override (e.g. derived from the stored sha256); defaults to the storage ETag. */
  etag?: string;
}

function strongEtag(raw: string): string {
  const t = raw.startsWith("W/") ? raw.slice(2) : raw;
  return t.startsWith('"') && t.endsWith('"') && t.length >= 2 ? t : `"${t.replace(/"/g, "")}"`;
}

/** If-None-Match uses the weak comparison: W/"x" matches "x". */
function noneMatch(header: string, etag: string): boolean {
  const opaque = (t: string) => (t.startsWith("W/") ? t.slice(2) : t);
  return header.split(",").some((t) => {
    const v = t.trim();
    return v === "*" || opaque(v) === opaque(etag);
  });
}

/** If-Range needs a strong match: an exact strong ETag, or exactly the Last-Modified second. */
function ifRangeMatches(header: string, etag: string, lastModifiedMs: number): boolean {
  const v = header.trim();
  if (v.startsWith('"') || v.startsWith("W/")) return v === etag;
  const date = Date.parse(v);
  return Number.isFinite(date) && date === lastModifiedMs;
}

/** `attachment; filename="ascii"; filename*=UTF-8''pct` (RFC 6266 + RFC 5987), or `inline`. */
export function contentDisposition(downloadName?: string): string {
  if (downloadName === undefined || downloadName === "") return "inline";
  const fallback = downloadName.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const encoded = encodeURIComponent(downloadName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Node Readable → web ReadableStream, pulled on demand (so memory stays bounded) and destroyed
 * when the consumer cancels or the client disconnects, which closes the file handle.
 */
function toWebStream(node: Readable, signal?: AbortSignal): ReadableStream<Uint8Array> {
  const iterator = node[Symbol.asyncIterator]();
  const onAbort = () => node.destroy();
  signal?.addEventListener("abort", onAbort, { once: true });
  if (signal?.aborted) node.destroy();
  const release = () => signal?.removeEventListener("abort", onAbort);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = (await iterator.next()) as { value: Uint8Array; done?: boolean };
          if (done) {
            release();
            controller.close();
          } else controller.enqueue(value);
        } catch (err) {
          release();
          controller.error(err);
        }
      },
      cancel() {
        release();
        node.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}

/** The route's error path answers it: 404 with the bilingual JSON body every API error has. */
function notFound(): never {
  throw new AppError("not_found");
}

/**
 * What to answer for one request of one object, decided once for both writers: the Web Response of
 * the route handlers (serveRange) and the node:http fast path of signed media URLs
 * (media-access/signed-media-node.ts), so the two can never disagree on status, headers or bytes.
 * `range`: the bytes to send, absent when there is no body (HEAD, 304, 416, empty object).
 */
export interface RangePlan {
  status: 200 | 206 | 304 | 405 | 416;
  headers: Headers;
  range?: { start: number; end: number };
}

/**
 * null: the object does not exist (the caller answers 404). `opened`: the object's stat when the caller
 * has already opened it (ReadHandle.stat), so it is not looked up again.
 */
export async function planRange(method: string, header: (name: string) => string | null, opts: ServeRangeOptions, opened?: ObjectStat): Promise<RangePlan | null> {
  const m = method.toUpperCase();
  if (m !== "GET" && m !== "HEAD") return { status: 405, headers: new Headers({ allow: "GET, HEAD" }) };
  const stat = opened ?? (await opts.storage.stat(opts.key));
  if (!stat) return null;

  const size = stat.size;
  const etag = strongEtag(opts.etag ?? stat.etag);
  const lastModifiedMs = Math.floor(stat.mtimeMs / 1000) * 1000;
  const common = new Headers({
    "accept-ranges": "bytes",
    etag,
    "last-modified": new Date(lastModifiedMs).toUTCString(),
    "cache-control": opts.cacheControl,
    "x-content-type-options": "nosniff",
  });

  const inm = header("if-none-match");
  const ims = header("if-modified-since");
  const notModified =
    inm !== null ? noneMatch(inm, etag) : ims !== null && Date.parse(ims) >= lastModifiedMs;
  if (notModified) return { status: 304, headers: common };

  common.set("content-type", opts.contentType);
  common.set("content-disposition", contentDisposition(opts.downloadName));

  // Range applies to GET only (RFC 9110 §14.2); If-Range failing means "send me everything".
  let range = m === "GET" ? parseRange(header("range"), size) : ({ kind: "none" } as const);
  const ifRange = header("if-range");
  if (range.kind !== "none" && ifRange !== null && !ifRangeMatches(ifRange, etag, lastModifiedMs)) {
    range = { kind: "none" };
  }

  if (range.kind === "unsatisfiable") {
    common.set("content-range", unsatisfiedRange(size));
    common.delete("content-type");
    common.delete("content-disposition");
    return { status: 416, headers: common };
  }
  const start = range.kind === "range" ? range.start : 0;
  const end = range.kind === "range" ? range.end : size - 1;
  const status = range.kind === "range" ? 206 : 200;
  common.set("content-length", String(end - start + 1));
  if (range.kind === "range") common.set("content-range", contentRange(start, end, size));
  if (m === "HEAD" || size === 0) return { status, headers: common };
  return { status, headers: common, range: { start, end } };
}

export async function serveRange(request: Request, opts: ServeRangeOptions): Promise<Response> {
  const plan = await planRange(request.method, (name) => request.headers.get(name), opts);
  if (!plan) return notFound();
  if (!plan.range) return new Response(null, { status: plan.status, headers: plan.headers });
  let node: Readable;
  try {
    node = await opts.storage.read(opts.key, plan.range);
  } catch (err) {
    if (isStorageError(err, "not_found")) return notFound();
    throw err;
  }
  return new Response(toWebStream(node, request.signal), { status: plan.status, headers: plan.headers });
}
