import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultSpec, FaultTarget } from "./faults";
import { authenticate } from "./sim-auth";
import { readBody, sendUpstreamError, type SimContext } from "./sim-context";

// The first steps every simulated POST shares, in the order observed upstream: a scripted fault that
// answers before anything is processed, auth, the account switches (1113 comes before any
// validation), overload, then the JSON body (unparseable or over the cap → 1210).

export type PostTarget = Extract<FaultTarget, "create" | "chat" | "images" | "speech">;

export interface OpenedRequest {
  account: string;
  body: unknown;
  /** A fault that damages the reply in transit (pass it to every send). */
  fault?: FaultSpec;
}

/** The authenticated request's body, or undefined when a reply (or deliberate silence) has been sent. */
export async function openRequest(ctx: SimContext, req: IncomingMessage, res: ServerResponse, target: PostTarget): Promise<OpenedRequest | undefined> {
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
    if (raw.reason === "aborted") return undefined;
    return void sendUpstreamError(ctx, res, "1210", {}, fault, 413);
  }
  try {
    return { account: auth.account, body: JSON.parse(raw.body.toString("utf8")) as unknown, fault };
  } catch {
    return void sendUpstreamError(ctx, res, "1210", {}, fault);
  }
}

/** Content safety: a prompt containing one of the switch's markers is refused with 1301. */
export function isUnsafe(ctx: SimContext, text: string): boolean {
  return ctx.switches.unsafeMarkers.some((m) => m && text.includes(m));
}
