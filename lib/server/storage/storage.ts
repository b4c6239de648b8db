import "server-only";
import type { Readable } from "node:stream";
import type { PresignOptions } from "./s3-presign";

// The storage seam. Local disk and an S3-compatible driver implement the same contract: put is atomic (nothing visible under the key until the
// whole object is durable), a retry overwrites, and reads support byte ranges for the media route.

export interface PutOptions {
  contentType: string;
  /** The put fails with StorageError("too_large") and stores nothing once the source exceeds this. */
  maxBytes?: number;
}

export interface PutResult {
  bytes: number;
  /** Lowercase hex SHA-256 of exactly the bytes stored. */
  sha256: string;
}

export interface ObjectStat {
  size: number;
  mtimeMs: number;
  /** Strong validator, quoted (`"…"`), changing whenever the object is replaced. */
  etag: string;
}

export interface ReadRange {
  /** First byte, inclusive (default 0). */
  start?: number;
  /** Last byte, inclusive (default: end of object). */
  end?: number;
}

/** An object opened for positioned reads into the caller's buffer; close() once, when done. */
export interface ReadHandle {
  /** The object as opened: the same size and ETag a stat() of it gives, without a second look-up. */
  readonly stat: ObjectStat;
  /** Reads up to `length` bytes at `position` into `into` (from its start); resolves how many (0 at the end). */
  read(into: Buffer, length: number, position: number): Promise<number>;
  close(): void;
}

/** Presigned GET of one object (S3 driver): the store itself checks the URL's signature and expiry. */
export type PresignGet = (key: string, options: PresignOptions) => string;

export interface Storage {
  readonly driver: "local" | "s3";
  /** S3 only: resolves the credentials once and returns a signer for GET URLs the store checks. */
  presigner?(): Promise<PresignGet>;
  /**
   * Streams `source` into `key` atomically. On any error (including a source stream error, which is
   * rethrown unchanged) nothing is left behind and an existing object under `key` is untouched.
   */
  put(key: string, source: Readable | Buffer | Uint8Array, options: PutOptions): Promise<PutResult>;
  stat(key: string): Promise<ObjectStat | null>;
  /** Throws StorageError("not_found") when the object does not exist. */
  read(key: string, range?: ReadRange): Promise<Readable>;
  /**
   * Local disk only: the object opened for reads into a buffer the caller reuses (the signed-media fast
   * path, media/send-pooled-range.ts). Throws StorageError("not_found") when the object does not exist.
   */
  openRead?(key: string): Promise<ReadHandle>;
  /** Idempotent: deleting a missing key succeeds. */
  delete(key: string): Promise<void>;
  /** Deletes every object under `prefix` (e.g. "clips/<id>/"); returns how many were deleted. */
  deletePrefix(prefix: string): Promise<number>;
  /** Janitor: removes in-progress writes older than `olderThanMs`; returns how many. */
  sweepTemp(olderThanMs: number): Promise<number>;
}
