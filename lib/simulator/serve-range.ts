import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { contentRange, parseRange, unsatisfiedRange } from "@/lib/shared/http-range";
import { deliver, type FaultSpec } from "./faults";

// Serves one result file with single-range support: 206 for one satisfiable range, 416 when it is
// not, 200 for no/invalid/multi ranges, If-Range against a strong ETag, HEAD without a body. The
// Range header is read by the same parser as the app's media routes.

function etagFor(stat: fs.Stats): string {
  return `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
}

export function serveRange(
  req: IncomingMessage,
  res: ServerResponse,
  filePath: string,
  contentType: string,
  fault: FaultSpec | undefined,
): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("NoSuchKey");
    return;
  }
  const etag = etagFor(stat);
  const base: Record<string, string> = {
    "Content-Type": contentType,
    "Accept-Ranges": "bytes",
    ETag: etag,
    "Last-Modified": stat.mtime.toUTCString(),
    "Cache-Control": "private, max-age=86400",
  };
  const ifRange = req.headers["if-range"];
  const rangeHeader = ifRange === undefined || ifRange === etag ? req.headers.range : undefined;
  const range = parseRange(rangeHeader, stat.size);
  if (range.kind === "unsatisfiable") {
    res.writeHead(416, { ...base, "Content-Range": unsatisfiedRange(stat.size), "Content-Length": "0" }).end();
    return;
  }
  const [start, end, status] = range.kind === "range" ? [range.start, range.end, 206] : [0, stat.size - 1, 200];
  const headers = range.kind === "range" ? { ...base, "Content-Range": contentRange(start, end, stat.size) } : base;
  const length = Math.max(0, end - start + 1);
  if (req.method === "HEAD") {
    res.writeHead(status, { ...headers, "Content-Length": String(length) }).end();
    return;
  }
  if (fault) {
    // Faults need the bytes in hand to cut them; result files are a few MB.
    const buf = Buffer.alloc(length);
    const fd = fs.openSync(filePath, "r");
    try {
      fs.readSync(fd, buf, 0, length, start);
    } finally {
      fs.closeSync(fd);
    }
    deliver(res, status, headers, buf, fault);
    return;
  }
  res.writeHead(status, { ...headers, "Content-Length": String(length) });
  if (length === 0) {
    res.end();
    return;
  }
  fs.createReadStream(filePath, { start, end }).on("error", () => res.destroy()).pipe(res);
}
