import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultSpec } from "./faults";
import { isUnsafe, openRequest } from "./open-request";
import { sendUpstreamError, type SimContext } from "./sim-context";
import type { Checked } from "./validate-media";

// What the synchronous endpoints (images, speech) share around their own work: the common POST
// preamble, validation, content safety, then a slot of the key's per-model cap (over it → 429 1302)
// held while the simulated generation time passes and the work is done.

export interface SyncRequest<T> {
  account: string;
  value: T;
  fault?: FaultSpec;
}

/** The validated request, or undefined when a reply (or deliberate silence) has been sent. */
export async function openSyncRequest<T>(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  target: "images" | "speech",
  validate: (body: unknown) => Checked<T>,
  textOf: (value: T) => string,
): Promise<SyncRequest<T> | undefined> {
  const opened = await openRequest(ctx, req, res, target);
  if (!opened) return undefined;
  const checked = validate(opened.body);
  if (!checked.ok) return void sendUpstreamError(ctx, res, checked.code, checked.vars, opened.fault);
  if (isUnsafe(ctx, textOf(checked.value))) return void sendUpstreamError(ctx, res, "1301", {}, opened.fault);
  return { account: opened.account, value: checked.value, fault: opened.fault };
}

export async function withSlot(ctx: SimContext, res: ServerResponse, r: SyncRequest<{ model: string }>, workMs: number, work: () => Promise<void>): Promise<void> {
  const release = ctx.slots.enter(r.account, r.value.model, ctx.switches.concurrency, ctx.stats);
  if (!release) return sendUpstreamError(ctx, res, "1302", {}, r.fault);
  try {
    await new Promise((ok) => setTimeout(ok, workMs));
    await work();
  } finally {
    release();
  }
}
