import "server-only";
import { StorageError } from "./storage-error";

// What a storage driver accepts from a body source: bytes (Buffer or any Uint8Array, wrapped without
// copying) or a string (UTF-8). Anything else is a bug upstream of storage, reported as an io error
// so a put fails instead of writing "[object Object]".

export function chunkBytes(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === "string") return Buffer.from(chunk);
  throw new StorageError("io", "source produced a non-binary chunk");
}
