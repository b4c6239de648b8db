import { apiFetch } from "@/lib/client/api";
import { newIdempotencyKey } from "@/lib/client/idempotency";
import type { BulkResult } from "@/lib/shared/gallery-filters";
import type { GenerationPage, GenerationView } from "@/lib/shared/generation-view";

// The gallery's calls to the HTTP API (docs/api.md). Errors surface as ApiError.

export const fetchPage = (qs: string, signal?: AbortSignal) => apiFetch<GenerationPage>(`/api/generations?${qs}`, { signal });

export const patchClip = (id: string, body: { favourite?: boolean; tags?: { add?: string[]; remove?: string[] } }) =>
  apiFetch<GenerationView>(`/api/generations/${encodeURIComponent(id)}`, { method: "PATCH", json: body });

export const deleteClip = (id: string) => apiFetch<{ ok: true }>(`/api/generations/${encodeURIComponent(id)}`, { method: "DELETE" });

export const bulkDelete = (ids: string[]) => apiFetch<BulkResult>("/api/generations/bulk", { method: "POST", json: { action: "delete", ids } });

export const bulkTag = (ids: string[], tag: string) =>
  apiFetch<BulkResult>("/api/generations/bulk", { method: "POST", json: { action: "tag", ids, tags: { add: [tag] } } });

/** Queues a stored clip's poster and preview again (after their job failed); free. */
export const retryPoster = (id: string) =>
  apiFetch<{ generation: GenerationView }>(`/api/generations/${encodeURIComponent(id)}/derivatives`, { method: "POST" });

export const fetchTags = () => apiFetch<{ tags: string[] }>("/api/generations/tags");

export const retryClip = (id: string, key = newIdempotencyKey()) =>
  apiFetch<{ id: string; generation: GenerationView }>(`/api/generations/${encodeURIComponent(id)}/retry`, {
    method: "POST",
    headers: { "Idempotency-Key": key },
  });

/**
 * Starts the zip download as a same-origin form post: the browser streams the answer to disk,
 * nothing is buffered in JavaScript.
 */
export function downloadZip(ids: string[]): void {
  const form = document.createElement("form");
  form.method = "POST";
  form.action = "/api/generations/export";
  form.hidden = true;
  for (const id of ids) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = "ids";
    input.value = id;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
  form.remove();
}
