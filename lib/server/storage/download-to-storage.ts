import "server-only";
import { safeDownload, type SafeDownloadOptions } from "@/lib/server/net/safe-fetch";
import type { PutResult, Storage } from "./storage";

// Re-hosting step of DOWNLOADING (docs/reliability.md, I5): SSRF-safe GET streamed straight into
// an atomic put under a deterministic key, so a retried download overwrites instead of duplicating.
// Errors: SafeFetchError from the network side (the worker maps 403/404/410 to EXPIRED),
// StorageError from the disk side. Content checks (MP4 signature, probe) are the caller's job.

export interface DownloadToStorageResult extends PutResult {
  status: number;
  /** Content-Type the origin sent, for logging/verification; the stored type is `contentType`. */
  originContentType?: string;
  url: string;
}

export async function downloadToStorage(
  url: string | URL,
  target: { storage: Storage; key: string; contentType: string },
  fetchOptions: SafeDownloadOptions,
): Promise<DownloadToStorageResult> {
  const res = await safeDownload(url, fetchOptions);
  const put = await target.storage.put(target.key, res.body, {
    contentType: target.contentType,
    maxBytes: fetchOptions.maxBytes,
  });
  const originContentType = res.headers["content-type"];
  return { ...put, status: res.status, url: res.url, ...(originContentType ? { originContentType } : {}) };
}
