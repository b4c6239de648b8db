import type { IncomingMessage, ServerResponse } from "node:http";
import { checkFileUrl } from "./file-urls";
import { serveRange } from "./serve-range";
import type { SimContext } from "./sim-context";

// GET/HEAD /files/<taskId>/<video.mp4|cover.jpg>?exp&sig: the simulator's stand-in for the CDN.
// Errors are plain XML-ish text like an object store's, not the API envelope.

export function handleFile(ctx: SimContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  ctx.stats.requests.file++;
  const check = checkFileUrl(url, ctx.fileSecret, ctx.now());
  if (!check.ok) {
    res.writeHead(check.status, { "Content-Type": "application/xml" });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${check.status === 403 ? "AccessDenied" : "NoSuchKey"}</Code><Message>${check.reason}</Message></Error>`);
    return;
  }
  const task = ctx.store.get(check.taskId);
  const file = check.name === "video.mp4" ? task?.render.videoPath : task?.render.coverPath;
  if (!task || !file) {
    res.writeHead(404, { "Content-Type": "application/xml" });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code></Error>`);
    return;
  }
  const fault = ctx.faults.take("file");
  if (fault) ctx.stats.faultsInjected++;
  if (fault?.type === "status") {
    res.writeHead(fault.status ?? 503, { "Content-Type": "text/plain" }).end("Service Unavailable");
    return;
  }
  if (fault?.type === "hang") return;
  serveRange(req, res, file, check.name === "video.mp4" ? "video/mp4" : "image/jpeg", fault);
}
