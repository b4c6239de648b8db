// The upstream as the worker sees it, with every chat, still and speech request timed from the
// moment the call job hands it to the HTTP client to the moment the answer (or error) is back: the
// intervals S1 and S2 read "in flight upstream" from, exactly (no sampling error).
import type { Upstream } from "@/lib/server/bigmodel/upstream";
import type { Interval } from "./stats";

export type CallKind = "chat" | "still" | "speech";

export interface TimedUpstream {
  upstream: () => Promise<Upstream>;
  /** Completed requests per kind, in the order they ended (ms since epoch). */
  intervals: Record<CallKind, Interval[]>;
}

export async function timedUpstream(inner: () => Promise<Upstream>): Promise<TimedUpstream> {
  const base = await inner();
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
