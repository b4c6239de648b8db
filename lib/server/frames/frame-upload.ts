import "server-only";
import { createHash } from "node:crypto";
import { uploadKey } from "@/lib/server/storage";

// A take's last frame is stored as an Upload, so every place that takes an input image (the studio,
// a chained shot) can use it like any uploaded picture. Its id is derived from the take's id: a
// re-run after a crash writes the same object and the same row, never a second copy.

export function lastFrameUploadId(generationId: string): string {
  return createHash("sha256").update(`last-frame:${generationId}`).digest("hex").slice(0, 32);
}

export function lastFrameKey(generationId: string): string {
  return uploadKey(lastFrameUploadId(generationId), "png");
}
