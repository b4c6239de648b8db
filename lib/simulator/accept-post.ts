import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultSpec } from "./faults";
import { authenticate } from "./sim-auth";
import { readBody, sendUpstreamError, type SimContext } from "./sim-context";

// What every POST endpoint of the simulator does first, in the order observed upstream: count it,
// apply a scripted fault, authenticate, the account's balance (1113 before any validation), overload
// (1305), then read and parse the JSON body (1210). Answers the error itself and returns undefined,
// or returns the parsed body, the account and the fault still to apply to the reply.

export interface AcceptedPost {
  body: unknown;
  account: string;
  fault: FaultSpec | undefined;
}

export async function acceptPost(ctx: SimContext, req: IncomingMessage, res: ServerResponse, target: "create" | "chat"): Promise<AcceptedPost | undefined> {
  ctx.stats.requests[target]++;
  const fault = ctx.faults.take(target);
  if (fault) ctx.stats.faultsInjected++;
  if (fault?.type === "status") {
    sendUpstreamError(ctx, res, fault.code ?? "500", {}, undefined, fault.status ?? 500);
    return undefined;
  }
  if (fault?.type === "hang" && !fault.accept) return undefined;

  const auth = authenticate(req, ctx.keys, ctx.opts.now());
  if (!auth.ok) return void sendUpstreamError(ctx, res, auth.code, {}, fault);
  if (ctx.switches.noBalance) return void sendUpstreamError(ctx, res, "1113", {}, fault);
  if (ctx.switches.overloaded) return void sendUpstreamError(ctx, res, "1305", {}, fault);

  const raw = await readBody(req, ctx.opts.maxBodyBytes);
  if (!raw.ok) {
    if (raw.reason !== "aborted") sendUpstreamError(ctx, res, "1210", {}, fault, 413);
    return undefined;
  }
  try {
    return { body: JSON.parse(raw.body.toString("utf8")) as unknown, account: auth.account, fault };
  } catch {
    return void sendUpstreamError(ctx, res, "1210", {}, fault);
  }
}
