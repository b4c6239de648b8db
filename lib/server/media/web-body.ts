import "server-only";
import type { Readable } from "node:stream";

/**
 * A Node stream as a Response body, pulled one chunk per read. Readable.toWeb's adapter puts the
 * source in flowing mode and can still enqueue a chunk after the client cancelled the body (a pending
 * resume tick), which throws an uncaught "Controller is already closed" — a crashed server. Here a chunk
 * is only read when the consumer asks for one, a chunk that arrives after a cancel is dropped, and a
 * cancel destroys the source, so its own 'close' handlers still stop what it was reading.
 */
export function webBody(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (cancelled) return;
        if (done) controller.close();
        else controller.enqueue(typeof value === "string" ? Buffer.from(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      } catch (err) {
        if (!cancelled) controller.error(err);
      }
    },
    cancel() {
      cancelled = true;
      source.destroy();
    },
  });
}
