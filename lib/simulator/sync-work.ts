import type { ServerResponse } from "node:http";
import { sendUpstreamError, type SimContext } from "./sim-context";
import type { FaultSpec } from "./faults";

// The shared tail of the synchronous endpoints (images, speech): take a slot of the key's per-model
// cap (over it → 429 1302), spend the simulated generation time, do the work, give the slot back.

export async function withSlot(
  ctx: SimContext,
  res: ServerResponse,
  who: { account: string; model: string; fault?: FaultSpec },
  workMs: number,
  work: () => Promise<void>,
): Promise<void> {
  const release = ctx.slots.enter(who.account, who.model, ctx.switches.concurrency, ctx.stats);
  if (!release) return sendUpstreamError(ctx, res, "1302", {}, who.fault);
  try {
    await new Promise((ok) => setTimeout(ok, workMs));
    await work();
  } finally {
    release();
  }
}
