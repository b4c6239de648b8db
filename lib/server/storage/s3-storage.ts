import "server-only";
import { Readable } from "node:stream";
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { S3StorageConfig } from "./create-storage";
import { assertValidKey, assertValidPrefix } from "./keys";
import { createS3Client } from "./s3-client";
import { isS3Unsupported, s3ErrorName, toStorageError } from "./s3-errors";
import { DEFAULT_PUT_TUNING, s3Put, type S3PutTuning } from "./s3-put";
import { presignS3Get } from "./s3-presign";
import type { ObjectStat, PresignGet, PutOptions, PutResult, ReadRange, Storage } from "./storage";
import { StorageError } from "./storage-error";

// S3-compatible driver with the local driver's contract (storage.ts): atomic puts (s3-put.ts),
// HeadObject for stat, ranged GetObject for the media route (served proxied through our route, see
// docs/deploy.md for the measurement), paged list + batch delete for prefixes, and a janitor that
// aborts stale multipart uploads. Keys are validated exactly like on disk, so one key set works on
// both drivers and a migration between them is a plain copy.

export interface S3StorageOptions {
  /** Inject a client (tests); otherwise one is built from the config. */
  client?: S3Client;
  tuning?: Partial<S3PutTuning>;
  /** Objects per ListObjects page / DeleteObjects batch (max and default 1000; tests page smaller). */
  pageSize?: number;
}

const DELETE_BATCH = 1000; // DeleteObjects limit

function limitBytes(body: Readable, limit: number): Readable {
  return Readable.from(
    (async function* () {
      let left = limit;
      try {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          if (chunk.length >= left) {
            yield chunk.subarray(0, left);
            return;
          }
          left -= chunk.length;
          yield chunk;
        }
      } finally {
        body.destroy();
      }
    })(),
    { objectMode: false },
  );
}

export function createS3Storage(config: S3StorageConfig, options: S3StorageOptions = {}): Storage {
  if (!config.bucket) throw new StorageError("not_configured", "S3_BUCKET is required for the s3 driver");
  const client = options.client ?? createS3Client(config);
  const bucket = config.bucket;
  const pageSize = Math.min(DELETE_BATCH, Math.max(1, options.pageSize ?? DELETE_BATCH));
  const tuning: S3PutTuning = { ...DEFAULT_PUT_TUNING, ...options.tuning };
  if (tuning.partSize < 5 * 1024 * 1024) throw new StorageError("not_configured", "S3 part size must be at least 5 MiB");

  async function put(key: string, source: Readable | Buffer | Uint8Array, opts: PutOptions): Promise<PutResult> {
    try {
      assertValidKey(key);
    } catch (err) {
      if (source instanceof Readable) source.destroy();
      throw err;
    }
    return s3Put(client, bucket, key, source, opts, tuning);
  }

  async function stat(key: string): Promise<ObjectStat | null> {
    assertValidKey(key);
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return {
        size: head.ContentLength ?? 0,
        mtimeMs: head.LastModified?.getTime() ?? 0,
        // S3 ETags are already quoted and strong (MD5, or MD5-of-parts "-N" for multipart).
        etag: head.ETag ?? `"${(head.LastModified?.getTime() ?? 0).toString(16)}"`,
      };
    } catch (err) {
      const e = toStorageError("stat", key, err);
      if (e.code === "not_found") return null;
      throw e;
    }
  }

  async function read(key: string, range: ReadRange = {}): Promise<Readable> {
    assertValidKey(key);
    const { start = 0, end } = range;
    if (!Number.isSafeInteger(start) || start < 0 || (end !== undefined && (!Number.isSafeInteger(end) || end < start))) {
      throw new RangeError(`invalid read range ${start}-${end ?? ""}`);
    }
    const rangeHeader = start === 0 && end === undefined ? undefined : `bytes=${start}-${end ?? ""}`;
    try {
      const res = await client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key, ...(rangeHeader ? { Range: rangeHeader } : {}) }),
      );
      if (!(res.Body instanceof Readable)) throw new StorageError("io", "GetObject returned no Node stream body");
      if (end === undefined || res.ContentLength === undefined || res.ContentLength <= end - start + 1) return res.Body;
      // Some S3-compatible servers (s3rver reads `bytes=0-0` as "to the end") send more than asked:
      // never hand the media route more bytes than its Content-Length promised.
      return limitBytes(res.Body, end - start + 1);
    } catch (err) {
      // A start past the end is an empty read on disk; S3 answers 416 InvalidRange. Keep the contract.
      if (s3ErrorName(err) === "InvalidRange") {
        if ((await stat(key)) === null) throw new StorageError("not_found", `no object at ${key}`);
        return Readable.from([]);
      }
      throw toStorageError("read", key, err);
    }
  }

  async function del(key: string): Promise<void> {
    assertValidKey(key);
    try {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    } catch (err) {
      const e = toStorageError("delete", key, err);
      if (e.code !== "not_found") throw e;
    }
  }

  async function deletePrefix(prefix: string): Promise<number> {
    assertValidPrefix(prefix);
    // ListObjects (v1) paged by Marker = last key: universally supported, and s3rver's v2
    // continuation tokens use DES, which OpenSSL 3 refuses (InternalError on any truncated page).
    let deleted = 0;
    let marker: string | undefined;
    try {
      for (;;) {
        const page = await client.send(
          new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, MaxKeys: pageSize, Marker: marker }),
        );
        const keys = (page.Contents ?? []).flatMap((o) => (o.Key ? [{ Key: o.Key }] : []));
        if (keys.length > 0) {
          const res = await client.send(
            new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys, Quiet: true } }),
          );
          const failed = res.Errors ?? [];
          if (failed.length > 0) {
            throw new StorageError("io", `delete prefix failed for ${failed.length} object(s): ${failed[0]?.Code ?? "?"}`);
          }
          deleted += keys.length;
        }
        if (!page.IsTruncated || keys.length === 0) break;
        marker = keys[keys.length - 1]?.Key;
      }
    } catch (err) {
      throw toStorageError("delete prefix", prefix, err);
    }
    return deleted;
  }

  async function sweepTemp(olderThanMs: number): Promise<number> {
    // Incomplete multipart uploads are S3's temp files: invisible, but billed until aborted.
    // s3rver implements neither ListMultipartUploads nor AbortMultipartUpload: then there is nothing
    // we can sweep and 0 is reported (production buckets should also carry a lifecycle rule, see
    // docs/deploy.md).
    const cutoff = Date.now() - olderThanMs;
    let aborted = 0;
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    try {
      for (;;) {
        const page = await client.send(
          new ListMultipartUploadsCommand({ Bucket: bucket, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }),
        );
        for (const u of page.Uploads ?? []) {
          if (!u.Key || !u.UploadId || (u.Initiated && u.Initiated.getTime() > cutoff)) continue;
          await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }));
          aborted++;
        }
        if (!page.IsTruncated) break;
        keyMarker = page.NextKeyMarker;
        uploadIdMarker = page.NextUploadIdMarker;
      }
    } catch (err) {
      if (isS3Unsupported(err)) return aborted;
      throw toStorageError("sweep multipart uploads", "(bucket)", err);
    }
    return aborted;
  }

  async function presigner(): Promise<PresignGet> {
    // One credentials lookup per page view (cached by the SDK's provider chain), then plain HMACs.
    const credentials = await client.config.credentials();
    return (key, opts) => presignS3Get(config, credentials, key, opts);
  }

  return { driver: "s3", put, stat, read, delete: del, deletePrefix, sweepTemp, presigner };
}
