import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Storage } from "@/lib/server/storage";
import { createStorage } from "@/lib/server/storage/create-storage";
import { uploadKey } from "@/lib/server/storage/keys";
import { collectUploads, finishDeletion, markForDeletion } from "@/lib/server/uploads/collect-uploads";
import { markUploadsUsed } from "@/lib/server/uploads/mark-uploads-used";
import { startWorker } from "@/lib/server/worker/start-worker";
import { startS3rver, type S3rverHandle } from "../support/s3rver";
import { providers } from "../support/test-db";
import { waitFor } from "../support/wait-for";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser, submitRequest } from "./generations-api-support";

// The collector of unused uploads (lib/server/uploads/collect-uploads.ts) on local disk and S3: what
// it deletes and keeps, a stop after each of its steps, and a take racing it for the same upload.
const DAY_MS = 24 * 60 * 60 * 1000;
const OLD = 2 * DAY_MS;

describe.each(providers())("upload collector on %s", (kind) => {
  let s: Studio;
  let alice: StudioUser;
  let s3: S3rverHandle;
  const stores = {} as Record<"local" | "s3", Storage>;
  let keyN = 0;

  beforeAll(async () => {
    s = await setupStudio(kind);
    alice = await s.user("alice@x.test");
    s3 = await startS3rver();
    stores.local = createStorage({ driver: "local", rootDir: `${s.dataDir}/media` });
    stores.s3 = createStorage(s3.config);
  });
  afterAll(async () => {
    await s?.drop();
    await s3?.stop();
  });

  /** PostgreSQL: a session of this database waits for a row lock. */
  async function blockedOnLock(): Promise<boolean> {
    const rows = await s.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    return Number(rows[0]?.n ?? 0) > 0;
  }

  // Takes of one body under new keys on purpose: confirmed, as a script must (repeat-guard.ts).
  const submit = (body: object) => s.routes.generations.POST(submitRequest(alice, { ...body, confirmRepeat: true }, `collector-key-${++keyN}`));

  /** A take (text mode), optionally soft-deleted. */
  async function take(deleted = false): Promise<string> {
    const res = await submit({ mode: "text", prompt: "a take" });
    expect(res.status).toBe(202);
    const { id } = (await res.json()).generation;
    if (deleted) await s.db.generation.update({ where: { id }, data: { deletedAt: new Date(), status: "CANCELLED" } });
    return id;
  }

  describe.each(["local", "s3"] as const)("with %s storage", (driver) => {
    const store = () => stores[driver];
    const deps = () => ({ db: s.db, storage: store() });

    /** An upload with its object, last used `ageMs` ago. */
    async function upload(ageMs: number, extra: { status?: "STORING" | "READY"; frameOfId?: string } = {}) {
      const id = randomBytes(16).toString("hex");
      const key = uploadKey(id, "png");
      const put = await store().put(key, randomBytes(2048), { contentType: "image/png" });
      const at = new Date(Date.now() - ageMs);
      await s.db.upload.create({
        data: { id, ownerId: alice.id, storageKey: key, mime: "image/png", width: 1024, height: 576, bytes: put.bytes, sha256: put.sha256, createdAt: at, usedAt: at, ...extra },
      });
      return { id, key };
    }
    /** An old upload that a take uses (its usedAt set back past the grace period again). */
    async function usedUpload() {
      const u = await upload(OLD);
      const res = await submit({ mode: "image", uploadId: u.id });
      expect(res.status).toBe(202);
      await s.db.upload.update({ where: { id: u.id }, data: { usedAt: new Date(Date.now() - OLD) } });
      usedHere.push(u.key);
      return u;
    }
    const stored = async (key: string) => (await store().stat(key)) !== null;
    const row = (id: string) => s.db.upload.findUnique({ where: { id }, select: { status: true } });

    const usedHere: string[] = []; // objects in this store of uploads that takes use

    /** The invariant: every upload a take uses is READY, and its object is there. */
    async function referencedIntact() {
      for (const i of await s.db.generationInput.findMany({ select: { upload: { select: { status: true } } } })) expect(i.upload.status).toBe("READY");
      for (const key of usedHere) expect(await stored(key)).toBe(true);
    }

    it("deletes an old unused upload (row and object) and a crashed STORING one; keeps used, young and live last frames", async () => {
      const unused = await upload(OLD);
      const crashed = await upload(OLD, { status: "STORING" });
      const used = await usedUpload();
      const young = await upload(DAY_MS / 2);
      const liveFrame = await upload(OLD, { frameOfId: await take() });
      const deadFrame = await upload(OLD, { frameOfId: await take(true) });

      await collectUploads(deps(), DAY_MS);

      for (const gone of [unused, crashed, deadFrame]) {
        expect(await row(gone.id)).toBeNull();
        expect(await stored(gone.key)).toBe(false);
      }
      for (const kept of [used, young, liveFrame]) {
        expect(await row(kept.id)).toEqual({ status: "READY" });
        expect(await stored(kept.key)).toBe(true);
      }
      await referencedIntact();
    });

    it("a stop after marking: the upload is refused as an input (409 upload_deleting), not served, and the next pass finishes", async () => {
      const u = await upload(OLD);
      expect(await markForDeletion(s.db, u.id, new Date(Date.now() - DAY_MS))).toBe(true);
      // ...the process stops here: DELETING, object still there.
      expect(await row(u.id)).toEqual({ status: "DELETING" });
      expect(await stored(u.key)).toBe(true);
      const res = await submit({ mode: "image", uploadId: u.id });
      expect(res.status).toBe(409);
      const body = await res.json();
      expect(body.error.code).toBe("upload_deleting");
      expect(body.error.messages["zh-CN"]).toBeTruthy();
      expect(await s.db.generationInput.count({ where: { uploadId: u.id } })).toBe(0);
      expect((await s.routes.upload.GET(getRequest(alice, `/api/uploads/${u.id}`), ctx({ id: u.id }))).status).toBe(404);

      await collectUploads(deps(), DAY_MS);
      expect(await row(u.id)).toBeNull();
      expect(await stored(u.key)).toBe(false);
    });

    it("a stop after deleting the object (or a failed delete) leaves a DELETING row the next pass finishes; used uploads are untouched", async () => {
      const used = await usedUpload();
      const afterDelete = await upload(OLD);
      const failed = await upload(OLD);
      const crashAfter: Storage = { ...store(), delete: async (k) => (await store().delete(k), Promise.reject(new Error("stop after the object delete"))) };
      const failBefore: Storage = { ...store(), delete: () => Promise.reject(new Error("object delete failed")) };

      expect(await markForDeletion(s.db, afterDelete.id, new Date(Date.now() - DAY_MS))).toBe(true);
      await expect(finishDeletion({ db: s.db, storage: crashAfter }, { id: afterDelete.id, storageKey: afterDelete.key })).rejects.toThrow("stop after");
      expect(await row(afterDelete.id)).toEqual({ status: "DELETING" });
      expect(await stored(afterDelete.key)).toBe(false);

      await expect(collectUploads({ db: s.db, storage: failBefore }, DAY_MS)).rejects.toThrow("object delete failed");
      expect(await row(failed.id)).toEqual({ status: "DELETING" });
      expect(await stored(failed.key)).toBe(true);

      // Next pass (a restart): both finish, and what a take uses was never touched.
      await collectUploads(deps(), DAY_MS);
      for (const gone of [afterDelete, failed]) {
        expect(await row(gone.id)).toBeNull();
        expect(await stored(gone.key)).toBe(false);
      }
      expect(await row(used.id)).toEqual({ status: "READY" });
      expect(await stored(used.key)).toBe(true);
      await referencedIntact();
    });

    it("the mark re-checks references: a take that uses the upload after the candidate was read wins", async () => {
      const u = await upload(OLD);
      const res = await submit({ mode: "image", uploadId: u.id });
      expect(res.status).toBe(202);
      // A collector that read the candidate before the take existed, with a cutoff after the take's use.
      expect(await markForDeletion(s.db, u.id, new Date(Date.now() + 60_000))).toBe(false);
      expect(await row(u.id)).toEqual({ status: "READY" });
      expect(await stored(u.key)).toBe(true);
    });

    it("a take's transaction holding the upload row while the mark runs: the mark waits, then finds it used and marks nothing", async () => {
      const u = await upload(OLD);
      const takeId = await take();
      const cutoff = new Date(Date.now() - DAY_MS);
      let marking: Promise<boolean> | undefined;
      await s.db.$transaction(async (tx) => {
        await markUploadsUsed(tx, [u.id], new Date());
        await tx.generationInput.create({ data: { generationId: takeId, position: 0, uploadId: u.id } });
        marking = markForDeletion(s.db, u.id, cutoff);
        // PostgreSQL: commit only once the mark is blocked on this row (it then re-evaluates its
        // WHERE on the committed row). SQLite's single writer runs the mark after this commits.
        if (kind === "postgresql") await waitFor("the mark to wait for the row lock", () => blockedOnLock(), 10_000);
      });
      expect(await marking).toBe(false);
      usedHere.push(u.key);
      expect(await row(u.id)).toEqual({ status: "READY" });
      await collectUploads(deps(), DAY_MS);
      expect(await stored(u.key)).toBe(true);
    });

    it("a take and the collector racing for one upload: either the take is refused or the upload stays", async () => {
      for (let i = 0; i < 8; i++) {
        const u = await upload(OLD);
        const [marked, res] = await Promise.all([markForDeletion(s.db, u.id, new Date(Date.now() - DAY_MS)), submit({ mode: "image", uploadId: u.id })]);
        await collectUploads(deps(), DAY_MS);
        if (res.status === 202) {
          usedHere.push(u.key);
          expect(marked).toBe(false);
          expect(await row(u.id)).toEqual({ status: "READY" });
          expect(await stored(u.key)).toBe(true);
        } else {
          expect(res.status).toBe(409);
          expect((await res.json()).error.code).toBe("upload_deleting");
          expect(marked).toBe(true);
          expect(await row(u.id)).toBeNull();
        }
      }
      await referencedIntact();
    });
  });

  it("every worker runs the collector: an unused upload is deleted once a worker starts", async () => {
    const id = randomBytes(16).toString("hex");
    const key = uploadKey(id, "png");
    const put = await stores.local.put(key, randomBytes(2048), { contentType: "image/png" });
    const at = new Date(Date.now() - 30 * DAY_MS);
    await s.db.upload.create({ data: { id, ownerId: alice.id, storageKey: key, mime: "image/png", width: 1024, height: 576, bytes: put.bytes, sha256: put.sha256, createdAt: at, usedAt: at } });
    // No job kinds: this worker only sweeps (the takes other tests queued stay queued).
    const worker = startWorker({ db: s.db, provider: kind, storage: stores.local, kinds: [] });
    try {
      await waitFor("the worker's collector to delete the upload", async () => !(await s.db.upload.findUnique({ where: { id } })), 60_000);
      expect(await stores.local.stat(key)).toBeNull();
    } finally {
      await worker.stop();
    }
  });

  it("a STORING upload (its object not written yet) is not a usable input: 422 upload_not_found", async () => {
    const id = randomBytes(16).toString("hex");
    await s.db.upload.create({
      data: { id, ownerId: alice.id, storageKey: uploadKey(id, "png"), mime: "image/png", width: 1024, height: 576, bytes: 1, sha256: "0".repeat(64), status: "STORING" },
    });
    const res = await submit({ mode: "image", uploadId: id });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe("upload_not_found");
  });
});
