import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "./sim-auth";
import { signedFileUrl } from "./file-urls";
import { sendJson, sendUpstreamError, type SimContext } from "./sim-context";
import { statusAt, successAt } from "./task-store";

// GET /api/paas/v4/async-result/{id}. PROCESSING and FAIL carry no video_result (the docs define no
// failure reason, so none is invented); SUCCESS carries signed URLs that expire urlTtlSeconds after
// the task succeeded. A task of another account is indistinguishable from a missing one (1233).

export function handleQuery(ctx: SimContext, req: IncomingMessage, res: ServerResponse, id: string): void {
  ctx.stats.requests.query++;
  const release = ctx.polls.enter(id, ctx.stats);
  res.once("close", release);
  const fault = ctx.faults.take("query");
  if (fault) ctx.stats.faultsInjected++;
  if (fault?.type === "status") {
    sendUpstreamError(ctx, res, fault.code ?? "500", {}, undefined, fault.status ?? 500);
    return;
  }
  if (fault?.type === "hang") return;

  const auth = authenticate(req, ctx.keys, ctx.opts.now());
  if (!auth.ok) return sendUpstreamError(ctx, res, auth.code, {}, fault);
  const task = ctx.store.get(id);
  if (!task || task.account !== auth.account) return sendUpstreamError(ctx, res, "1233", { id }, fault);

  const status = statusAt(task, ctx.now());
  const body: Record<string, unknown> = { id: task.id, model: task.model, request_id: task.requestId, task_status: status };
  if (status === "SUCCESS") {
    const exp = Math.floor(successAt(task) / 1000) + ctx.switches.urlTtlSeconds;
    body.video_result = [
      {
        url: signedFileUrl(ctx.origin, ctx.fileSecret, task.id, "video.mp4", exp),
        cover_image_url: signedFileUrl(ctx.origin, ctx.fileSecret, task.id, "cover.jpg", exp),
      },
    ];
  }
  sendJson(res, 200, body, fault);
}
