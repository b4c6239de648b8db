import "server-only";
import { S3Client } from "@aws-sdk/client-s3";
import type { S3StorageConfig } from "./create-storage";

// One S3Client per storage instance. Checksums are computed only when an operation requires them:
// the default (CRC32 on every request since SDK 3.729) breaks most S3-compatible servers (s3rver,
// older MinIO, Ceph RGW) and costs CPU on every part; integrity is covered by our own sha256.
export function createS3Client(config: S3StorageConfig): S3Client {
  const credentials =
    config.accessKeyId && config.secretAccessKey
      ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
      : undefined; // fall back to the SDK's default chain (instance role, AWS_* in the unit file...)
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle ?? true,
    ...(credentials ? { credentials } : {}),
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // Bounded retries: the worker has its own backoff, so a dead store fails fast.
    maxAttempts: 3,
  });
}
