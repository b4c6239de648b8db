import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { acceptPost } from "./accept-post";
import { createImageFetcher } from "./fetch-image";
import { drawGenerationMs, newTaskId } from "./generation-time";
import type { RenderInput } from "./render/render-clip";
import { sendJson, sendUpstreamError, type SimContext } from "./sim-context";
import { statusAt, type SimTask } from "./task-store";
import { validateCreateRequest } from "./validate-request";

// POST /api/paas/v4/videos/generations. Order of checks follows what was observed upstream: auth,
// then the balance (1113 comes before any validation), overload, validation, content safety,
// repeated request_id (answered per the repeatRequestId switch: refused, a new task, or the same
// task), and last the per-key per-model concurrency cap.

const defaultFetcher = createImageFetcher();

export function renderInputFor(task: SimTask, images: Buffer[]): RenderInput {
  if (task.model === "viduq1-text") {
    return { mode: "text", prompt: task.prompt ?? "", style: task.style, aspectRatio: task.aspectRatio };
  }
  const [first, last] = images;
  if (!first) throw new Error(`task ${task.id} has no input image`);
  if (task.model === "viduq1-image") return { mode: "image", prompt: task.prompt, image: first };
  if (!last) throw new Error(`task ${task.id} needs two input images`);
  return { mode: "start-end", prompt: task.prompt, images: [first, last] };
}

export async function handleCreate(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const accepted = await acceptPost(ctx, req, res, "create");
  if (!accepted) return;
  const { body, account, fault } = accepted;

  const checked = await validateCreateRequest(body, {
    fetchImage: ctx.opts.fetchImage ?? defaultFetcher,
    maxImageBytes: ctx.opts.maxImageBytes,
    promptTooLongCode: ctx.switches.promptTooLongCode,
  });
  if (!checked.ok) return sendUpstreamError(ctx, res, checked.code, checked.vars, fault);
  const v = checked.value;

  const prompt = v.prompt ?? "";
  if (ctx.switches.unsafeMarkers.some((m) => m && prompt.includes(m))) {
    return sendUpstreamError(ctx, res, "1301", {}, fault);
  }
  const now = ctx.now();
  const earlier = v.requestId === undefined ? undefined : ctx.store.findByRequestId(account, v.requestId);
  if (earlier && ctx.switches.repeatRequestId === "refused") {
    return sendUpstreamError(ctx, res, "1231", { request_id: earlier.requestId }, fault);
  }
  if (earlier && ctx.switches.repeatRequestId === "same") {
    ctx.stats.repeatsAnsweredSame++;
    return sendJson(res, 200, { id: earlier.id, model: earlier.model, request_id: earlier.requestId, task_status: statusAt(earlier, now) }, fault);
  }
  if (ctx.store.countProcessing(account, v.model, now) >= ctx.switches.concurrency) {
    ctx.stats.rejectedOverCap++;
    return sendUpstreamError(ctx, res, "1302", {}, fault);
  }

  const id = newTaskId(now, randomBytes(8).toString("hex"));
  const requestId = v.requestId ?? id; // observed: the platform reuses the id when none was sent
  const inputFiles: string[] = [];
  if (ctx.opts.stateDir && v.images.length > 0) {
    const dir = path.join(ctx.opts.stateDir, "inputs");
    await fs.promises.mkdir(dir, { recursive: true });
    for (const [i, img] of v.images.entries()) {
      const file = path.join(dir, `${id}-${i}.bin`);
      await fs.promises.writeFile(file, img);
      inputFiles.push(file);
    }
  }
  const task: SimTask = {
    id,
    account: account,
    model: v.model,
    requestId,
    createdAt: now,
    readyAt: now + drawGenerationMs(v.model, ctx.switches.speed, ctx.opts.random),
    willFail: ctx.opts.random() < ctx.switches.failRate,
    prompt: v.prompt,
    style: v.style,
    aspectRatio: v.aspectRatio,
    inputFiles,
    render: { state: "pending" },
  };
  ctx.store.save(task);

  ctx.stats.totalAccepts++;
  ctx.stats.acceptsByRequestId[requestId] = (ctx.stats.acceptsByRequestId[requestId] ?? 0) + 1;
  (ctx.stats.taskIdsByRequestId[requestId] ??= []).push(id);
  const inFlight = ctx.store.countProcessing(undefined, v.model, now);
  ctx.stats.peakInFlight[v.model] = Math.max(ctx.stats.peakInFlight[v.model] ?? 0, inFlight);

  if (!task.willFail) ctx.renders.enqueue(id, async () => renderInputFor(task, v.images));

  sendJson(res, 200, { id, model: v.model, request_id: requestId, task_status: "PROCESSING" }, fault);
}
