import type { UploadView } from "@/lib/shared/upload-view";
import { ApiError, apiErrorFrom, NETWORK_ERROR } from "./api-error";

/** The studio's name for the upload answer; the type itself is shared with the server. */
export type UploadResult = UploadView;

/** POST /api/uploads with XMLHttpRequest (fetch cannot report upload progress). onProgress gets 0..1. */
export function uploadImage(file: Blob, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/uploads");
    xhr.responseType = "text";
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(1, e.loaded / e.total));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body === "object") {
        onProgress(1);
        resolve(body as UploadResult);
      } else {
        reject(apiErrorFrom(xhr.status, body));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, "network error"));
    xhr.onabort = () => reject(new DOMException("aborted", "AbortError"));
    if (signal) {
      if (signal.aborted) return reject(new DOMException("aborted", "AbortError"));
      signal.addEventListener("abort", () => xhr.abort(), { once: true });
    }
    const form = new FormData();
    form.append("file", file, file instanceof File ? file.name : "image");
    xhr.send(form);
  });
}
