import "server-only";
import { logger } from "../logger";

// One server-sent-events stream whose source is a poll of the database (the database is the bus:
// a change written by any process reaches the browser within about one poll). Shared by the clips'
// and the film exports' live channels so both close, ping and recover from a failed poll alike:
// a poll that throws is logged and retried at the next tick (a transient database error must not
// end a stream that stays open for hours); the consumer going away or the request aborting stops
// the timers at once.

export interface PollingStreamOptions {
  signal: AbortSignal;
  pollMs: number;
  pingMs: number;
  /** Named in the log line of a failed poll. */
  label: string;
  /** One poll: write the events it finds; answer "close" to end the stream. */
  poll: (write: (text: string) => void) => Promise<"continue" | "close">;
}

const encoder = new TextEncoder();

export function pollingEventStream(opts: PollingStreamOptions): Response {
  const { signal, pollMs, pingMs, poll, label } = opts;
  let closed = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let pingTimer: NodeJS.Timeout | undefined;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(pollTimer);
        clearInterval(pingTimer);
        signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      };
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const tick = async () => {
        if (closed) return;
        try {
          if ((await poll(write)) === "close") return close();
        } catch (err) {
          logger.warn(`${label} poll failed`, { err });
        }
        if (!closed) pollTimer = setTimeout(() => void tick(), pollMs);
      };
      signal.addEventListener("abort", close, { once: true });
      if (signal.aborted) return close();
      write("retry: 2000\n\n");
      pingTimer = setInterval(() => write(": ping\n\n"), pingMs);
      void tick();
    },
    cancel() {
      closed = true;
      clearTimeout(pollTimer);
      clearInterval(pingTimer);
    },
  });

  return new Response(stream, {
    status: 200,
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
  });
}
