import type { IncomingMessage, ServerResponse } from "node:http";
import { ERROR_CODES, formatUpstreamMessage } from "@/lib/shared/upstream/error-codes";
import { deliver, type FaultQueue, type FaultSpec } from "./faults";
import type { RenderQueue } from "./render-queue";
import type { ResolvedOptions, SimSwitches } from "./sim-options";
import type { PollTracker, SimStats } from "./sim-stats";
import type { SyncSlots } from "./sync-slots";
import type { TaskStore } from "./task-store";

// Everything the request handlers share, plus the small reply helpers that keep every error in the
// upstream's envelope: {"error":{"code":"<string>","message":"…"}}.

export interface SimContext {
  opts: ResolvedOptions;
  switches: SimSwitches;
  now: () => number;
  store: TaskStore;
  stats: SimStats;
  polls: PollTracker;
  faults: FaultQueue;
  /** Concurrency of the synchronous endpoints (chat, images, speech). */
  slots: SyncSlots;
  renders: RenderQueue;
  keys: ReadonlySet<string>;
  fileSecret: Buffer;
  /** http://127.0.0.1:<port>, known once listening. */
  origin: string;
}

const JSON_HEADERS = { "Content-Type": "application/json; charset=UTF-8" };

export function sendJson(res: ServerResponse, status: number, body: unknown, fault?: FaultSpec): void {
  deliver(res, status, JSON_HEADERS, Buffer.from(JSON.stringify(body), "utf8"), fault);
}

export function sendUpstreamError(
  ctx: SimContext,
  res: ServerResponse,
  code: string,
  vars: Record<string, string> = {},
  fault?: FaultSpec,
  httpStatus?: number,
): void {
  ctx.stats.errorsByCode[code] = (ctx.stats.errorsByCode[code] ?? 0) + 1;
  const status = httpStatus ?? ERROR_CODES[code]?.httpStatus ?? 400;
  sendJson(res, status, { error: { code, message: formatUpstreamMessage(code, vars) } }, fault);
}

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: "too-large" | "aborted" };

export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      resolve({ ok: false, reason: "too-large" });
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    let done = false;
    req.on("data", (c: Buffer) => {
      if (done) return;
      total += c.length;
      if (total > maxBytes) {
        done = true;
        resolve({ ok: false, reason: "too-large" });
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => {
      if (!done) resolve({ ok: true, body: Buffer.concat(chunks) });
      done = true;
    });
    req.on("error", () => {
      if (!done) resolve({ ok: false, reason: "aborted" });
      done = true;
    });
  });
}
