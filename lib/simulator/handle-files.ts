import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { checkFileUrl, stillPath, type ResultFile } from "./file-urls";
import { serveRange } from "./serve-range";
import type { SimContext } from "./sim-context";

// GET/HEAD /files/<taskId>/<video.mp4|cover.jpg|image.png>?exp&sig: the simulator's stand-in for the CDN.
// Errors are plain XML-ish text like an object store's, not the API envelope.

const CONTENT_TYPES: Record<ResultFile, string> = { "video.mp4": "video/mp4", "cover.jpg": "image/jpeg", "image.png": "image/png" };

/** The file behind a result URL: a task's rendered clip or cover, or a generated still. */
function resultFile(ctx: SimContext, id: string, name: ResultFile): string | undefined {
  if (name === "image.png") {
    const still = stillPath(ctx.opts.cacheDir, id);
    return fs.existsSync(still) ? still : undefined;
  }
  const task = ctx.store.get(id);
  return name === "video.mp4" ? task?.render.videoPath : task?.render.coverPath;
}

export function handleFile(ctx: SimContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  ctx.stats.requests.file++;
  const check = checkFileUrl(url, ctx.fileSecret, ctx.now());
  if (!check.ok) {
    res.writeHead(check.status, { "Content-Type": "application/xml" });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${check.status === 403 ? "AccessDenied" : "NoSuchKey"}</Code><Message>${check.reason}</Message></Error>`);
    return;
  }
  const file = resultFile(ctx, check.taskId, check.name);
  if (!file) {
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
  serveRange(req, res, file, CONTENT_TYPES[check.name], fault);
}
