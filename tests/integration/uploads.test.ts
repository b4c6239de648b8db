import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildUploadCorpus, type UploadCase } from "../fixtures/uploads/corpus";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser, uploadRequest } from "./generations-api-support";

// POST /api/uploads over the upload corpus and GET /api/uploads/:id (sizes, types, polyglots, pixel bombs; only the owner reads).
describe.each(providers())("uploads on %s", (kind) => {
  let s: Studio;
  let alice: StudioUser;
  let bob: StudioUser;
  let corpus: UploadCase[];

  beforeAll(async () => {
    s = await setupStudio(kind);
    alice = await s.user("alice@x.test");
    bob = await s.user("bob@x.test");
    corpus = await buildUploadCorpus();
  });
  afterAll(async () => s?.drop());

  it("answers every corpus file as expected: never ≥ 500, accepted files re-encoded with metadata gone", async () => {
    for (const c of corpus) {
      const res = await s.routes.uploads.POST(uploadRequest(alice, c.bytes, c.filename, c.type));
      const body = await res.json();
      expect(res.status, `${c.name}: ${JSON.stringify(body)}`).toBe(c.expect.status);
      if (c.expect.status !== 201) {
        expect(body.error.code, c.name).toBe(c.expect.code);
        expect(body.error.messages["zh-CN"], c.name).toBeTruthy();
        continue;
      }
      expect(body, c.name).toMatchObject({ width: c.expect.width, height: c.expect.height, mime: c.expect.mime,  });
      // Served back to its owner through a signed URL for exactly this object.
      expect(body.url, c.name).toMatch(new RegExp(`^/api/media/signed/uploads/${body.id}\\.[a-z]+\\?e=\\d+&a=u\\.${alice.id}&s=[\\w-]+$`));
      expect(body.id).toMatch(/^[a-z0-9]{20,40}$/);
      const row = await s.db.upload.findUniqueOrThrow({ where: { id: body.id } });
      expect(row).toMatchObject({ ownerId: alice.id, width: body.width, height: body.height, mime: body.mime, bytes: body.bytes });
      const stored = fs.readFileSync(path.join(s.dataDir, "media", row.storageKey));
      expect(stored.length).toBe(row.bytes);
      expect(Buffer.compare(stored, c.bytes), `${c.name}: stored bytes must be re-encoded`).not.toBe(0);
      const meta = await sharp(stored).metadata();
      expect(`image/${meta.format}`).toBe(body.mime);
      expect([meta.width, meta.height]).toEqual([body.width, body.height]);
      expect(meta.exif, c.name).toBeUndefined();
      expect(meta.xmp, c.name).toBeUndefined();
      expect(meta.orientation ?? 1, c.name).toBe(1);
      if (c.mustNotContain) expect(stored.includes(c.mustNotContain), c.name).toBe(false);
    }
    const accepted = corpus.filter((c) => c.expect.status === 201).length;
    expect(await s.db.upload.count({ where: { ownerId: alice.id } })).toBe(accepted);
    // Rejected files leave nothing behind in storage.
    expect(fs.readdirSync(path.join(s.dataDir, "media", "uploads")).length).toBe(accepted);
  });

  it("handles parallel uploads (decode slots) without errors", async () => {
    const png = corpus.find((c) => c.name === "png");
    const bomb = corpus.find((c) => c.name.startsWith("pixel bomb"));
    if (!png || !bomb) throw new Error("corpus changed");
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => s.routes.uploads.POST(uploadRequest(alice, (i % 2 ? bomb : png).bytes, "x.png"))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 422, 422, 422, 422]);
  });

  it("refuses non-multipart bodies, a missing file field and signed-out callers", async () => {
    const asJson = new Request("http://localhost:3000/api/uploads", {
      method: "POST",
      headers: { host: "localhost:3000", cookie: alice.cookie, "content-type": "application/json" },
      body: "{}",
    });
    expect((await (await s.routes.uploads.POST(asJson)).json()).error.code).toBe("upload_missing");
    const form = new FormData();
    form.append("other", "value");
    const noFile = new Request("http://localhost:3000/api/uploads", { method: "POST", headers: { host: "localhost:3000", cookie: alice.cookie }, body: form });
    const res = await s.routes.uploads.POST(noFile);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("upload_missing");
    const anon = uploadRequest({ id: "x", cookie: "" }, Buffer.from("x"));
    expect((await s.routes.uploads.POST(anon)).status).toBe(401);
  });

  it("rejects a declared Content-Length over the cap before reading the body (413)", async () => {
    const req = new Request("http://localhost:3000/api/uploads", {
      method: "POST",
      headers: { host: "localhost:3000", cookie: alice.cookie, "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * 1024 * 1024) },
      body: "--x--",
    });
    const res = await s.routes.uploads.POST(req);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("upload_too_large");
  });

  it("GET /api/uploads/:id serves the stored image to its owner only (private cache), 404 to others", async () => {
    const png = corpus.find((c) => c.name === "png");
    if (!png) throw new Error("corpus changed");
    const { id } = await (await s.routes.uploads.POST(uploadRequest(alice, png.bytes, "a.png"))).json();
    const res = await s.routes.upload.GET(getRequest(alice, `/api/uploads/${id}`), ctx({ id }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toMatch(/^private/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(320);
    const ranged = await s.routes.upload.GET(getRequest(alice, `/api/uploads/${id}`, { range: "bytes=0-7" }), ctx({ id }));
    expect(ranged.status).toBe(206);
    expect((await s.routes.upload.GET(getRequest(bob, `/api/uploads/${id}`), ctx({ id }))).status).toBe(404);
    expect((await s.routes.upload.GET(getRequest(alice, "/api/uploads/none"), ctx({ id: "f".repeat(32) }))).status).toBe(404);
    expect((await s.routes.upload.GET(getRequest(null, `/api/uploads/${id}`), ctx({ id }))).status).toBe(401);
  });
});
