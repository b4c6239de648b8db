import "server-only";
import type { ServerResponse } from "node:http";
import type { ReadHandle } from "../storage/storage";

// Sends a byte range of a local file through a few reused buffers instead of a read stream. A stream
// allocates a fresh chunk buffer for every read; at a player's pace of Range requests those half-megabyte
// buffers made the garbage collector the largest single cost of the Node media fast path (18 % of its
// CPU in a profile of the P5 bench). Here each response borrows one buffer: read into it, hand it to
// the socket, wait until the socket has taken the bytes (the write callback), read the next part.
// A buffer goes back to the pool only after its last write completed; one whose write never finished
// (the client went away) is left to the garbage collector, so bytes still queued on a socket are never
// overwritten by another response.

const BUFFER_BYTES = 512 * 1024;
/** At most this many idle buffers are kept (16 MiB); more concurrent responses allocate and drop theirs. */
const POOL_MAX = 32;
const idle: Buffer[] = [];

/** Resolves true once the socket has taken `chunk`, false if the response closed or failed first. */
function written(res: ServerResponse, chunk: Buffer): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const closed = () => resolve(false);
    res.once("close", closed);
    res.write(chunk, (err) => {
      res.off("close", closed);
      resolve(!err);
    });
  });
}

/**
 * Writes bytes `start`–`end` (inclusive) of `handle` as the body of `res`, whose head is already set,
 * and ends it; always closes `handle`. A read that fails or comes up short (the file changed under
 * us) destroys the response, so the client sees a truncated body, never wrong bytes.
 */
export async function sendPooledRange(handle: ReadHandle, range: { start: number; end: number }, res: ServerResponse): Promise<void> {
  // The head goes out before the first read, as nginx sends its head before the file: held for the
  // first body write, it waited for that read, queued in libuv's thread pool behind other responses' reads.
  res.flushHeaders();
  const buf = idle.pop() ?? Buffer.allocUnsafeSlow(BUFFER_BYTES);
  let reusable = true;
  try {
    for (let pos = range.start; pos <= range.end; ) {
      const n = await handle.read(buf, Math.min(BUFFER_BYTES, range.end - pos + 1), pos);
      if (n === 0) throw new Error(`object ended at byte ${pos}, before ${range.end}`);
      reusable = false;
      if (!(await written(res, buf.subarray(0, n)))) return;
      reusable = true;
      pos += n;
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    handle.close();
    if (reusable && idle.length < POOL_MAX) idle.push(buf);
  }
}
