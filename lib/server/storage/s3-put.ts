import "server-only";
import { Readable, Transform, pipeline } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { chunkBytes } from "./chunk-bytes";
import type { PutOptions, PutResult } from "./storage";
import { putMeter } from "./put-meter";
import { StorageError } from "./storage-error";
import { toStorageError } from "./s3-errors";

// Streaming atomic put for the S3 driver. lib-storage's Upload sends one PutObject for bodies that
// fit in a part and a multipart upload otherwise; either way the object only becomes visible on the
// final PutObject / CompleteMultipartUpload, so a failed or aborted put leaves nothing under the key
// (and an existing object is untouched). Memory is bounded by partSize × (queueSize + 1).
// A meter between the source and Upload hashes and counts bytes and stops the stream once
// `maxBytes` is exceeded; Upload then fails and aborts the multipart upload.

export interface S3PutTuning {
  /** 5–8 MiB: S3's minimum part size is 5 MiB; larger parts cost memory per in-flight part. */
  partSize: number;
  /** Parts uploaded concurrently. */
  queueSize: number;
}

export const DEFAULT_PUT_TUNING: S3PutTuning = { partSize: 5 * 1024 * 1024, queueSize: 2 };

export async function s3Put(
  client: S3Client,
  bucket: string,
  key: string,
  source: Readable | Buffer | Uint8Array,
  options: PutOptions,
  tuning: S3PutTuning = DEFAULT_PUT_TUNING,
): Promise<PutResult> {
  const { maxBytes } = options;
  const src = source instanceof Readable ? source : Readable.from([chunkBytes(source)]);
  const counted = putMeter(maxBytes);
  // The first failure on the stream side wins over whatever Upload reports afterwards (its abort of
  // the multipart upload may fail too, e.g. on s3rver): callers classify source errors themselves.
  let streamError: unknown;
  const meter = new Transform({
    transform(chunk: unknown, _enc, callback) {
      let buf: Buffer;
      try {
        buf = chunkBytes(chunk);
        counted.add(buf);
      } catch (err) {
        streamError ??= err;
        callback(err as Error);
        return;
      }
      callback(null, buf);
    },
  });
  src.once("error", (err) => {
    streamError ??= err;
  });
  src.once("close", () => {
    if (!src.readableEnded) streamError ??= new StorageError("io", "source stream closed before its end");
  });
  pipeline(src, meter, () => undefined); // errors are captured above; Upload sees the destroyed meter

  const upload = new Upload({
    client,
    params: { Bucket: bucket, Key: key, Body: meter, ContentType: options.contentType },
    partSize: tuning.partSize,
    queueSize: tuning.queueSize,
    leavePartsOnError: false,
  });
  try {
    await upload.done();
  } catch (err) {
    if (!src.destroyed) src.destroy();
    if (!meter.destroyed) meter.destroy();
    throw streamError ?? toStorageError("put", key, err);
  }
  if (streamError !== undefined) throw streamError; // unreachable in practice: Upload read the whole meter
  return counted.result();
}
