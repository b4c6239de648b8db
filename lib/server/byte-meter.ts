import "server-only";
import { createHash } from "node:crypto";

// Counts and hashes bytes as they pass: the size and SHA-256 that a stored object's row records, and
// that a download is verified with. One place for it, so a put, a download and a read-back of an object
// already stored all measure the same way.

export interface MeteredBytes {
  bytes: number;
  /** Lowercase hex SHA-256 of exactly the bytes counted. */
  sha256: string;
}

export interface ByteCap {
  maxBytes: number;
  /** The error thrown by the chunk that would pass maxBytes (before it is counted). */
  error: () => Error;
}

export class ByteMeter {
  #bytes = 0;
  readonly #hash = createHash("sha256");

  constructor(private readonly cap?: ByteCap) {}

  /** Counts and hashes one chunk; throws the cap's error instead when it would pass the cap. */
  add(chunk: Uint8Array): void {
    if (this.cap && this.#bytes + chunk.length > this.cap.maxBytes) throw this.cap.error();
    this.#bytes += chunk.length;
    this.#hash.update(chunk);
  }

  /** The totals; call once, after the last chunk. */
  result(): MeteredBytes {
    return { bytes: this.#bytes, sha256: this.#hash.digest("hex") };
  }
}

/** Reads a whole source and measures it, storing nothing. */
export async function meterAll(source: AsyncIterable<Uint8Array>): Promise<MeteredBytes> {
  const meter = new ByteMeter();
  for await (const chunk of source) meter.add(chunk);
  return meter.result();
}
