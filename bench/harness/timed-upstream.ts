// The upstream as the worker sees it, with every chat, still and speech request timed from the
// moment the call job hands it to the HTTP client to the moment the answer (or error) is back: the
// intervals S1 and S2 read "in flight upstream" from, exactly (no sampling error).
import { type Upstream, upstreamClients } from "@/lib/server/bigmodel/upstream";
import type { RunningSimulator } from "@/lib/simulator/server";
import type { Interval } from "./stats";

/** The production request timeout (BIGMODEL_REQUEST_TIMEOUT_MS default), not the test harness's 5 s: a 5–10 s still must not time out. */
const REQUEST_TIMEOUT_MS = 60_000;

export type CallKind = "chat" | "still" | "speech";

export interface TimedUpstream {
  upstream: () => Promise<Upstream>;
  /** Completed requests per kind, in the order they ended (ms since epoch). */
  intervals: Record<CallKind, Interval[]>;
}

/** The simulator's API with the production client settings, every call timed. */
export function timedUpstream(sim: RunningSimulator): TimedUpstream {
  const base: Upstream = { ...upstreamClients({ baseUrl: sim.baseUrl, apiKey: sim.keys[0] ?? "", requestTimeoutMs: REQUEST_TIMEOUT_MS }), mode: "simulator", mediaOrigins: [sim.url] };
  const intervals: Record<CallKind, Interval[]> = { chat: [], still: [], speech: [] };
  const timed =
    <A extends unknown[], R>(kind: CallKind, f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const start = Date.now();
      try {
        return await f(...args);
      } finally {
        intervals[kind].push({ start, end: Date.now() });
      }
    };
  const upstream: Upstream = {
    ...base,
    chat: { ...base.chat, complete: timed("chat", base.chat.complete.bind(base.chat)) },
    images: { ...base.images, generateStill: timed("still", base.images.generateStill.bind(base.images)) },
    speech: { ...base.speech, speak: timed("speech", base.speech.speak.bind(base.speech)) },
  };
  return { upstream: () => Promise.resolve(upstream), intervals };
}
