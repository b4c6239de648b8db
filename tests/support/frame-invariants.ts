// The oracle for last-frame jobs after any run, crashes included: every DONE job names an Upload
// whose object exists with the recorded size and sha256 and is a PNG of the take's video size; a job
// that ended without a result left no object behind; no upload object exists without its row.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { expect } from "vitest";
import type { Db } from "@/lib/server/db";
import { lastFrameKey } from "@/lib/server/frames/frame-upload";
import { LAST_FRAME_JOB, type LastFrameResult } from "@/lib/server/frames/last-frame-job";

export async function checkFrameInvariants(db: Db, mediaRoot: string): Promise<Record<string, number>> {
  const jobs = await db.job.findMany({ where: { kind: LAST_FRAME_JOB } });
  const histogram: Record<string, number> = {};
  for (const job of jobs) {
    histogram[job.status] = (histogram[job.status] ?? 0) + 1;
    const file = path.join(mediaRoot, ...lastFrameKey(job.subjectId).split("/"));
    if (job.status !== "DONE") {
      expect(fs.existsSync(file), `object of ${job.status} frame job ${job.id}`).toBe(false);
      continue;
    }
    const result = job.result as unknown as LastFrameResult;
    const upload = await db.upload.findUniqueOrThrow({ where: { id: result.uploadId } });
    const take = await db.generation.findUniqueOrThrow({ where: { id: job.subjectId } });
    expect(upload.storageKey).toBe(lastFrameKey(job.subjectId));
    // Linked to its take, so the upload collector keeps it while the take is not deleted.
    expect(upload.frameOfId).toBe(job.subjectId);
    expect([upload.ownerId, upload.teamId]).toEqual([take.ownerId, take.teamId]);
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBe(upload.bytes);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(upload.sha256);
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", take.width, take.height]);
  }
  const uploadsDir = path.join(mediaRoot, "uploads");
  const rows = new Set((await db.upload.findMany({ select: { storageKey: true } })).map((u) => u.storageKey));
  const stray = (fs.existsSync(uploadsDir) ? fs.readdirSync(uploadsDir) : []).filter((f) => !rows.has(`uploads/${f}`));
  expect(stray).toEqual([]);
  return histogram;
}
