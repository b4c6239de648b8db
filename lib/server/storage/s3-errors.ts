import "server-only";
import { StorageError } from "./storage-error";

// Maps AWS SDK / S3-compatible server failures onto StorageError codes so callers never branch on
// SDK error names. Bucket and credential problems are operator configuration, not transient I/O.

const NOT_FOUND = new Set(["NoSuchKey", "NotFound"]);
const MISCONFIGURED = new Set([
  "NoSuchBucket",
  "AccessDenied",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "InvalidBucketName",
  "PermanentRedirect",
  "AuthorizationHeaderMalformed",
]);

interface SdkErrorShape {
  name?: unknown;
  Code?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number };
}

export function s3ErrorName(err: unknown): string | undefined {
  const e = err as SdkErrorShape | null;
  if (!e || typeof e !== "object") return undefined;
  for (const v of [e.Code, e.name, e.code]) if (typeof v === "string" && v !== "Error") return v;
  return undefined;
}

function s3Status(err: unknown): number | undefined {
  return (err as SdkErrorShape | null)?.$metadata?.httpStatusCode;
}

function isS3NotFound(err: unknown): boolean {
  const name = s3ErrorName(err);
  return (name !== undefined && NOT_FOUND.has(name)) || (s3Status(err) === 404 && name !== "NoSuchBucket");
}

/** s3rver (and some gateways) answer unsupported operations with 501 NotImplemented or 405. */
export function isS3Unsupported(err: unknown): boolean {
  const name = s3ErrorName(err);
  const status = s3Status(err);
  return name === "NotImplemented" || name === "MethodNotAllowed" || status === 501 || status === 405;
}

export function toStorageError(what: string, key: string, err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const name = s3ErrorName(err) ?? "network error";
  if (isS3NotFound(err)) return new StorageError("not_found", `no object at ${key}`, { cause: err });
  if (MISCONFIGURED.has(name)) {
    return new StorageError("not_configured", `${what} failed: ${name} (check S3_BUCKET and credentials)`, { cause: err });
  }
  return new StorageError("io", `${what} failed: ${name}`, { cause: err });
}
