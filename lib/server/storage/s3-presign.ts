import "server-only";
import { createHash, createHmac } from "node:crypto";
import { s3BaseUrl } from "@/lib/shared/s3-media-origin";
import type { S3StorageConfig } from "./create-storage";
import { assertValidKey } from "./keys";

// Presigned GET URLs (AWS Signature Version 4, query-string authentication) for the S3 driver: the
// browser fetches media straight from the bucket or a CDN in front of it, and the store checks the
// signature and X-Amz-Expires itself. Signed here with node:crypto from the credentials the driver's
// S3Client resolved (static keys or the SDK's default chain), so no extra package is needed. The
// response-content-* overrides make the store answer with our Content-Type, Content-Disposition and
// Cache-Control (they are part of the signed query, so a holder of the URL cannot change them).

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface PresignOptions {
  /** Lifetime in seconds (SigV4 allows 1 s to 7 days). */
  expiresInSeconds: number;
  contentType: string;
  contentDisposition: string;
  cacheControl: string;
  /** Signing time (tests); defaults to now. */
  now?: Date;
}

/** RFC 3986 unreserved characters stay, everything else is %XX (SigV4's UriEncode). */
function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const sha256Hex = (s: string) => createHash("sha256").update(s).digest("hex");
const hmac = (key: Buffer | string, s: string) => createHmac("sha256", key).update(s).digest();

/** Where the object lives: path-style (`endpoint/bucket/key`, s3rver, MinIO) or virtual-hosted
 *  (`bucket.s3.region.amazonaws.com/key`, AWS without S3_ENDPOINT). */
function objectLocation(config: S3StorageConfig, key: string): { origin: string; host: string; path: string } {
  const encodedKey = key.split("/").map(uriEncode).join("/");
  const pathStyle = config.forcePathStyle ?? true;
  const base = s3BaseUrl({ ...config, forcePathStyle: pathStyle });
  const prefix = base.pathname.replace(/\/+$/, "");
  const path = pathStyle ? `${prefix}/${uriEncode(config.bucket)}/${encodedKey}` : `${prefix}/${encodedKey}`;
  return { origin: base.origin, host: base.host, path };
}

export function presignS3Get(config: S3StorageConfig, credentials: S3Credentials, key: string, opts: PresignOptions): string {
  assertValidKey(key);
  const now = opts.now ?? new Date();
  const amzDate = now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, ""); // 20261204T031500Z
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${config.region}/s3/aws4_request`;
  const { origin, host, path } = objectLocation(config, key);
  const query: [string, string][] = [
    ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
    ["X-Amz-Credential", `${credentials.accessKeyId}/${scope}`],
    ["X-Amz-Date", amzDate],
    ["X-Amz-Expires", String(Math.max(1, Math.min(604_800, Math.floor(opts.expiresInSeconds))))],
    ["X-Amz-SignedHeaders", "host"],
    ["response-cache-control", opts.cacheControl],
    ["response-content-disposition", opts.contentDisposition],
    ["response-content-type", opts.contentType],
  ];
  if (credentials.sessionToken) query.push(["X-Amz-Security-Token", credentials.sessionToken]);
  const canonicalQuery = query
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalRequest = ["GET", path, canonicalQuery, `host:${host}\n`, "host", "UNSIGNED-PAYLOAD"].join("\n");
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  let signingKey = hmac(`AWS4${credentials.secretAccessKey}`, day);
  for (const part of [config.region, "s3", "aws4_request"]) signingKey = hmac(signingKey, part);
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  return `${origin}${path}?${canonicalQuery}&X-Amz-Signature=${signature}`;
}
