// Where the browser fetches media from when STORAGE_DRIVER=s3: presigned GETs go straight to the
// store (lib/server/storage/s3-presign.ts), so pages must allow that origin in img-src and media-src
// (proxy.ts). Path-style (S3_FORCE_PATH_STYLE, the default: MinIO, s3rver, R2…): the endpoint's
// origin; virtual-hosted (AWS): the bucket's own host name.

export interface S3Location {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
}

export function s3BaseUrl(loc: S3Location): URL {
  const base = new URL(loc.endpoint ?? `https://s3.${loc.region}.amazonaws.com`);
  if (loc.forcePathStyle === false) base.hostname = `${loc.bucket}.${base.hostname}`;
  return base;
}

/** The media origin for a page CSP, from the raw environment; null for local storage or a bad value
 *  (the configuration check at start reports those). */
export function s3MediaOriginFromEnv(env: Record<string, string | undefined>): string | null {
  if (env.STORAGE_DRIVER !== "s3" || !env.S3_BUCKET) return null;
  try {
    const forcePathStyle = !["0", "false", "no"].includes((env.S3_FORCE_PATH_STYLE ?? "true").toLowerCase());
    return s3BaseUrl({ bucket: env.S3_BUCKET, region: env.S3_REGION || "us-east-1", endpoint: env.S3_ENDPOINT || undefined, forcePathStyle }).origin;
  } catch {
    return null;
  }
}
