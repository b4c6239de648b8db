import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStorage } from "@/lib/server/storage/create-storage";
import { createS3Storage } from "@/lib/server/storage/s3-storage";
import type { PresignGet, Storage } from "@/lib/server/storage/storage";
import type { GenerationView } from "@/lib/shared/generation-view";
import { startS3rver, type S3rverHandle } from "../support/s3rver";
import { ctx, getRequest, setupStudio, type Studio } from "./generations-api-support";

// S3 media: pages hand players presigned GET URLs and the store checks them (signature, lifetime);
// the bytes never pass through the app. Against s3rver (scripts/s3rver.mjs), which verifies SigV4
// query signatures and X-Amz-Expires like S3 does.

const KEY_A = "clips/presign-a/video.mp4";
const KEY_B = "clips/presign-b/video.mp4";
const OPTS = { expiresInSeconds: 600, contentType: "video/mp4", contentDisposition: "inline", cacheControl: "private, max-age=300" };

let s3: S3rverHandle;
let store: Storage;
let presign: PresignGet;
const a = randomBytes(300_000);
const b = randomBytes(1_000);

beforeAll(async () => {
  s3 = await startS3rver();
  // The app's own path to the driver (the SDK loaded on first use).
  store = createStorage(s3.config);
  await store.put(KEY_A, a, { contentType: "application/octet-stream" });
  await store.put(KEY_B, b, { contentType: "application/octet-stream" });
  presign = await store.presigner!();
});
afterAll(async () => s3?.stop());

async function refusal(url: string): Promise<{ status: number; code: string }> {
  const res = await fetch(url, { headers: { range: "bytes=0-9" } });
  const text = await res.text();
  return { status: res.status, code: /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? text.slice(0, 80) };
}

describe("presigned S3 GETs", () => {
  it("work with Range and carry our Content-Type, Content-Disposition and Cache-Control", async () => {
    const url = presign(KEY_A, OPTS);
    expect(url.startsWith(`${s3.endpoint}/${s3.bucket}/${KEY_A}?`)).toBe(true);
    const res = await fetch(url, { headers: { range: "bytes=1000-1999" } });
    expect(res.status).toBe(206);
    expect(Buffer.from(await res.arrayBuffer()).equals(a.subarray(1000, 2000))).toBe(true);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("content-disposition")).toBe("inline");
    expect(res.headers.get("cache-control")).toBe("private, max-age=300");
    const whole = await fetch(url);
    expect(Buffer.from(await whole.arrayBuffer()).equals(a)).toBe(true);
  });

  it("expire: a URL past its lifetime is refused", async () => {
    const old = presign(KEY_A, { ...OPTS, expiresInSeconds: 60, now: new Date(Date.now() - 3_600_000) });
    expect(await refusal(old)).toEqual({ status: 403, code: "AccessDenied" });
    // The same URL signed now, for the same lifetime, works: only the time differs.
    expect((await fetch(presign(KEY_A, { ...OPTS, expiresInSeconds: 60 }), { headers: { range: "bytes=0-9" } })).status).toBe(206);
  });

  it("a wrong signature, another object's path, an edited override or a foreign key is refused", async () => {
    const url = presign(KEY_A, OPTS);
    const flipped = url.replace(/X-Amz-Signature=([0-9a-f]+)$/, (_m, sig: string) => `X-Amz-Signature=${sig.slice(0, -1)}${sig.endsWith("0") ? "1" : "0"}`);
    expect(await refusal(flipped)).toEqual({ status: 403, code: "SignatureDoesNotMatch" });
    expect(await refusal(url.replace(KEY_A, KEY_B))).toEqual({ status: 403, code: "SignatureDoesNotMatch" });
    expect(await refusal(url.replace("response-content-type=video%2Fmp4", "response-content-type=text%2Fhtml"))).toEqual({ status: 403, code: "SignatureDoesNotMatch" });
    const other = await createS3Storage({ ...s3.config, secretAccessKey: "NOT-THE-SECRET" }).presigner!();
    expect(await refusal(other(KEY_A, OPTS))).toEqual({ status: 403, code: "SignatureDoesNotMatch" });
  });
});

describe("the studio on S3 hands out presigned media URLs", () => {
  let s: Studio;
  afterAll(async () => s?.drop());

  it("a clip view's video URL is a presigned GET the store serves; the app is not in the byte path", async () => {
    s = await setupStudio("sqlite", {
      STORAGE_DRIVER: "s3",
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    });
    const alice = await s.user("alice@s3.test");
    const g = await s.db.generation.create({
      data: {
        ownerId: alice.id,
        mode: "TEXT",
        model: "viduq1-text",
        prompt: "s3 media",
        params: { style: "general", aspectRatio: "16:9", movementAmplitude: "auto" },
        idemKey: randomUUID(),
        paramsHash: "s3",
        upstreamRequestId: randomUUID(),
        status: "STORED",
        costFen: 250,
      },
    });
    const key = `clips/${g.id}/video.mp4`;
    const put = await store.put(key, a, { contentType: "video/mp4" });
    await s.db.asset.create({ data: { generationId: g.id, kind: "VIDEO", storageKey: key, mime: "video/mp4", bytes: put.bytes, sha256: put.sha256 } });
    const view = (await (await s.routes.generation.GET(getRequest(alice, `/api/generations/${g.id}`), ctx({ id: g.id }))).json()) as GenerationView;
    const url = view.media.video!.url;
    expect(url.startsWith(`${s3.endpoint}/${s3.bucket}/${key}?`)).toBe(true);
    expect(view.media.video!.downloadUrl).toBe(`/api/media/${g.id}/video.mp4?download=1`);
    const res = await fetch(url, { headers: { range: "bytes=5-14" } });
    expect(res.status).toBe(206);
    expect(Buffer.from(await res.arrayBuffer()).equals(a.subarray(5, 15))).toBe(true);
    expect(res.headers.get("content-type")).toBe("video/mp4");
  });
});
