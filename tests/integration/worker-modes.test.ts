import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/server/db";
import { enqueueVideoJob } from "@/lib/server/generations/video-job/kind";
import { hold } from "@/lib/server/ledger/ledger";
import { uploadKey, type Storage } from "@/lib/server/storage";

import { seedUser, startHarness, waitAllTerminal, type Harness, startHarnessWorker } from "@/tests/support/worker-harness";
import { checkInvariants } from "@/tests/support/worker-invariants";

// Image→video and start–end clips: the worker reads the stored uploads, sends them as data URIs
// (the simulator decodes and checks them like the upstream), and re-hosts the result.

const SPEED = 200;
const fixtures = path.resolve(import.meta.dirname, "../fixtures/images");
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ speed: SPEED, concurrency: 5 });
});
afterAll(async () => {
  await h?.close();
});

async function storeUpload(db: Db, storage: Storage, ownerId: string, file: string): Promise<string> {
  const data = fs.readFileSync(path.join(fixtures, file));
  const meta = await sharp(data).metadata();
  const ext = meta.format === "jpeg" ? "jpg" : (meta.format ?? "png");
  const id = `up${randomUUID().replaceAll("-", "").slice(0, 22)}`;
  const key = uploadKey(id, ext);
  await storage.put(key, data, { contentType: `image/${meta.format}` });
  await db.upload.create({
    data: {
      id,
      ownerId,
      storageKey: key,
      mime: `image/${meta.format}`,
      width: meta.width ?? 0,
      height: meta.height ?? 0,
      bytes: data.length,
      sha256: createHash("sha256").update(data).digest("hex"),
    },
  });
  return id;
}

async function queueWithInputs(db: Db, ownerId: string, mode: "IMAGE" | "START_END", uploadIds: string[]): Promise<string> {
  return db.$transaction(async (tx) => {
    const g = await tx.generation.create({
      data: {
        ownerId,
        mode,
        model: mode === "IMAGE" ? "viduq1-image" : "viduq1-start-end",
        prompt: "",
        params: { movementAmplitude: "auto", withAudio: false },
        idemKey: randomUUID(),
        paramsHash: "test",
        upstreamRequestId: randomUUID(),
        costFen: 250,
        inputs: { create: uploadIds.map((uploadId, position) => ({ uploadId, position })) },
      },
      select: { id: true, ownerId: true, teamId: true, costFen: true, model: true },
    });
    await hold(tx, g);
    await enqueueVideoJob(tx, g);
    return g.id;
  });
}

describe("image modes", () => {
  it("stores an image→video and a start–end clip made from stored uploads", async () => {
    const owner = await seedUser(h.db);
    const a = await storeUpload(h.db, h.storage, owner, "landscape.png");
    const b = await storeUpload(h.db, h.storage, owner, "landscape-end.jpg");
    const image = await queueWithInputs(h.db, owner, "IMAGE", [a]);
    const startEnd = await queueWithInputs(h.db, owner, "START_END", [a, b]);
    const worker = startHarnessWorker(h, { timeScale: SPEED, leaseMs: 5_000, concurrency: 2 });
    await waitAllTerminal(h.db, 300_000);
    await worker.stop();
    const rows = await h.db.generation.findMany({ where: { id: { in: [image, startEnd] } } });
    expect(rows.map((r) => [r.model, r.status, r.errorCode])).toEqual(
      expect.arrayContaining([
        ["viduq1-image", "STORED", null],
        ["viduq1-start-end", "STORED", null],
      ]),
    );
    await checkInvariants({ db: h.db, stats: h.sim.control.stats(), mediaRoot: path.join(h.dir, "media") });
  });
});
