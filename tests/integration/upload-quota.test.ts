import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectUploads } from "@/lib/server/uploads/collect-uploads";
import { createStorage } from "@/lib/server/storage/create-storage";
import { providers } from "../support/test-db";
import { setupStudio, type Studio, type StudioUser, uploadRequest } from "./generations-api-support";

// The per-user upload quota (lib/server/uploads/upload-quota.ts): refused before anything is stored,
// exact under parallel uploads at the edge, and only what the user still stores counts.
const MB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Incompressible pixels: the re-encoded PNG is ~300 KB, so a few fill a 1 MB quota. */
async function noisyPng(): Promise<Buffer> {
  return sharp(randomBytes(320 * 320 * 3), { raw: { width: 320, height: 320, channels: 3 } })
    .png()
    .toBuffer();
}

describe.each(providers())("upload quota on %s", (kind) => {
  let s: Studio;
  let image: Buffer;
  let size: number; // bytes one upload of `image` stores

  const upload = (user: StudioUser) => s.routes.uploads.POST(uploadRequest(user, image, "noise.png"));
  const usage = async (user: StudioUser) => (await s.db.upload.aggregate({ where: { ownerId: user.id }, _sum: { bytes: true } }))._sum.bytes ?? 0;
  const age = (user: StudioUser, ms: number) =>
    s.db.upload.updateMany({ where: { ownerId: user.id }, data: { createdAt: new Date(Date.now() - ms), usedAt: new Date(Date.now() - ms) } });

  beforeAll(async () => {
    s = await setupStudio(kind, { UPLOAD_QUOTA_DAILY_MB: "1", UPLOAD_QUOTA_TOTAL_MB: "2" });
    image = await noisyPng();
    const probe = await s.user("probe@x.test");
    const res = await upload(probe);
    expect(res.status).toBe(201);
    size = (await res.json()).bytes;
    expect(size).toBeGreaterThan(MB / 5);
    expect(size).toBeLessThan(MB / 3);
  });
  afterAll(async () => s?.drop());

  it("N parallel uploads at the daily edge: exactly the number that fits succeed, the rest are 429 naming the limit and what is used", async () => {
    const alice = await s.user("alice@x.test");
    const fits = Math.floor(MB / size);
    const results = await Promise.all(Array.from({ length: fits + 5 }, () => upload(alice)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(fits);
    expect(statuses.filter((x) => x === 429)).toHaveLength(5);
    const refused = await results.find((r) => r.status === 429)?.json();
    const usedMb = String(Math.round(((fits * size) / MB) * 10) / 10);
    expect(refused.error.code).toBe("upload_quota_daily");
    expect(refused.error.messages.en).toContain(`${usedMb} of 1 MB`);
    expect(refused.error.messages["zh-CN"]).toContain(`已上传 ${usedMb} MB，上限 1 MB`);
    // Refused before storing: nothing beyond the accepted uploads exists, in rows or objects.
    expect(await s.db.upload.count({ where: { ownerId: alice.id } })).toBe(fits);
    expect(await usage(alice)).toBe(fits * size);
  });

  it("the day is rolling: uploads older than 24 hours no longer count against it", async () => {
    const dave = await s.user("dave@x.test");
    const perDay = Math.floor(MB / size);
    for (let i = 0; i < perDay; i++) expect((await upload(dave)).status).toBe(201);
    expect((await upload(dave)).status).toBe(429);
    await age(dave, DAY_MS + 60_000);
    expect((await upload(dave)).status).toBe(201);
  });

  it("N parallel uploads at the total edge: exactly the number that fits succeed, the rest are 413 naming the limit and what is stored", async () => {
    const bob = await s.user("bob@x.test");
    // Stored two days ago (outside the day): room left in the total for exactly two more, while the
    // day would allow more.
    const earlier = 2 * MB - 2 * size - 1000;
    const at = new Date(Date.now() - 2 * DAY_MS);
    await s.db.upload.create({
      data: { id: randomBytes(16).toString("hex"), ownerId: bob.id, storageKey: "uploads/earlier.png", mime: "image/png", width: 320, height: 320, bytes: earlier, sha256: "0".repeat(64), createdAt: at, usedAt: at },
    });
    const results = await Promise.all(Array.from({ length: 6 }, () => upload(bob)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status === 413)).toHaveLength(4);
    const body = await results.find((r) => r.status === 413)?.json();
    const usedMb = String(Math.round(((earlier + 2 * size) / MB) * 10) / 10);
    expect(body.error.code).toBe("upload_quota_total");
    expect(body.error.messages.en).toContain(`${usedMb} of 2 MB stored`);
    expect(body.error.messages["zh-CN"]).toContain(`已存储 ${usedMb} MB，上限 2 MB`);
    expect(await usage(bob)).toBe(earlier + 2 * size);
  });

  it("deleted uploads free the quota (the collector removed the unused ones)", async () => {
    const carol = await s.user("carol@x.test");
    const perDay = Math.floor(MB / size);
    for (let i = 0; i < perDay; i++) expect((await upload(carol)).status).toBe(201);
    expect((await upload(carol)).status).toBe(429);
    // Unused for longer than the grace period: the collector deletes them (rows and objects).
    await s.db.upload.updateMany({ where: { ownerId: carol.id }, data: { usedAt: new Date(Date.now() - 2 * DAY_MS) } });
    const storage = createStorage({ driver: "local", rootDir: `${s.dataDir}/media` });
    await collectUploads({ db: s.db, storage }, DAY_MS);
    expect(await s.db.upload.count({ where: { ownerId: carol.id } })).toBe(0);
    expect((await upload(carol)).status).toBe(201);
  });
});
