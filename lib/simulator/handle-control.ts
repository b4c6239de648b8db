import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "./sim-auth";
import { parseFaultSpec } from "./faults";
import { readBody, sendJson, sendUpstreamError, type SimContext } from "./sim-context";
import { switchesPatchSchema, type SimControl } from "./sim-control";

// POST /__sim/control and GET /__sim/stats: the same switches and ledger as the in-process
// `control` object, for tests that run the simulator in another process. A valid API key is
// required so nobody else on the host can flip the account's switches.

export async function handleControl(ctx: SimContext, control: SimControl, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  ctx.stats.requests.control++;
  const auth = authenticate(req, ctx.keys, ctx.opts.now());
  if (!auth.ok) return sendUpstreamError(ctx, res, auth.code);
  if (req.method === "GET" && path === "/__sim/stats") {
    return sendJson(res, 200, { stats: control.stats(), switches: control.switches(), faults: control.pendingFaults() });
  }
  if (req.method !== "POST" || path !== "/__sim/control") return sendJson(res, 404, { error: { code: "404", message: "not found" } });
  const raw = await readBody(req, 1024 * 1024);
  let cmd: Record<string, unknown>;
  try {
    cmd = raw.ok ? (JSON.parse(raw.body.toString("utf8")) as Record<string, unknown>) : {};
    if (typeof cmd !== "object" || cmd === null) throw new Error("not an object");
  } catch {
    return sendJson(res, 400, { error: { code: "1210", message: "control body must be a JSON object" } });
  }
  const inject: unknown[] = Array.isArray(cmd.inject) ? cmd.inject : cmd.inject === undefined ? [] : [cmd.inject];
  const specs = inject.map(parseFaultSpec);
  const patch = cmd.set === undefined ? undefined : switchesPatchSchema.safeParse(cmd.set);
  const advance = cmd.advanceTimeMs;
  if (specs.some((s) => !s) || patch?.success === false || (advance !== undefined && (typeof advance !== "number" || advance < 0))) {
    return sendJson(res, 400, { error: { code: "1214", message: "invalid control command" } });
  }
  if (cmd.resetStats === true) control.resetStats();
  if (cmd.clearFaults === true) control.clearFaults();
  if (typeof advance === "number") control.advanceTime(advance);
  if (patch?.success) control.set(patch.data);
  for (const s of specs) if (s) control.inject(s);
  sendJson(res, 200, { ok: true, switches: control.switches(), faults: control.pendingFaults() });
}
