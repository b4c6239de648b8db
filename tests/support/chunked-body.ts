// A request body that is generated on demand and sent chunked (no Content-Length), counting how many
// bytes the server actually pulled: a capped reader must stop near its cap, whatever the body's size.
const CHUNK = 64 * 1024;

export interface ChunkedBody {
  stream: ReadableStream<Uint8Array>;
  /** Bytes handed to the reader so far. */
  pulled(): number;
}

export function chunkedBody(totalBytes: number, fill = "a", prefix = ""): ChunkedBody {
  let sent = 0;
  const head = new TextEncoder().encode(prefix);
  const block = new TextEncoder().encode(fill.repeat(CHUNK));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const chunk = sent === 0 && head.byteLength ? head : block.subarray(0, Math.min(CHUNK, totalBytes - sent));
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

/** A POST with a chunked body and no Content-Length header. */
export function chunkedRequest(url: string, body: ChunkedBody, headers: Record<string, string>): Request {
  return new Request(`http://localhost:3000${url}`, {
    method: "POST",
    headers: { host: "localhost:3000", ...headers },
    body: body.stream,
    duplex: "half",
  } as RequestInit);
}
