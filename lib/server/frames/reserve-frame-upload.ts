import "server-only";
import type { Db } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { lastFrameKey, lastFrameUploadId } from "./frame-upload";

/**
 * The Upload row of a take's last frame, reserved before the frame exists so that a chained take can
 * name it as its input now (GenerationInput needs the row) and wait for the frame job. The row is
 * STORING — never served, never accepted as a plain input — until the frame job's fenced `done`
 * writes its size and hash and makes it READY. Its frameOfId keeps the collector away while the take
 * lives. Idempotent: the id is derived from the take, a second reservation (or the finished frame)
 * leaves the row as it is.
 */
export async function reserveLastFrameUpload(client: Pick<Db, "upload">, take: { id: string; ownerId: string; teamId: string | null }): Promise<string> {
  const id = lastFrameUploadId(take.id);
  try {
    await client.upload.create({
      data: { id, ownerId: take.ownerId, teamId: take.teamId, frameOfId: take.id, storageKey: lastFrameKey(take.id), mime: "image/png", width: 0, height: 0, bytes: 0, sha256: "", status: "STORING" },
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
  return id;
}
