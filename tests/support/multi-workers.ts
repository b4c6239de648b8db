// Shared pieces of the multi-process worker tests (docs/reliability.md, I1 and I5): S3 settings for
// worker children (s3rver behind the write counter), clips queued over a handful of prompts (the
// simulator's render cache is keyed by its input, so a few renders serve every clip), the
// per-worker share from the workers' logs, and the storage oracle (I5 plus "written once") on S3.
import { createHash } from "node:crypto";
import { GetObjectCommand, ListObjectsCommand, type S3Client } from "@aws-sdk/client-s3";
import { expect } from "vitest";
import type { Db } from "@/lib/server/db";
import type { S3WriteCounter } from "./multi-s3-write-counter";
import { queueTextClips } from "./worker-harness";

const SCALE_PROMPTS = [
  "A paper boat drifts down a rainy street, soft light",
  "A red kite climbs over green hills at sunrise",
  "Lanterns float across a calm night lake",
  "A fox trots through fresh snow between pine trees",
];

/** Clips for the scale run: SCALE_CLIPS when set (the full 200-clip run), else the CI tier. */
export function scaleClips(ciTier: number): number {
  const n = Number(process.env.SCALE_CLIPS ?? "");
  return Number.isInteger(n) && n > 0 ? n : ciTier;
}

export function postgresUrl(): string | undefined {
  return process.env.TEST_POSTGRES_URL || undefined;
}

/** Environment for a worker child that stores on S3 (through the counter) with a per-model cap. */
export function s3WorkerEnv(endpoint: string, bucket: string, cap: number): Record<string, string> {
  return {
    STORAGE_DRIVER: "s3",
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    MODEL_CONCURRENCY: String(cap),
  };
}

/** Queues `n` text clips round-robin over SCALE_PROMPTS (same params, so 4 distinct renders). */
export async function queueVariedClips(db: Db, ownerId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await queueTextClips(db, ownerId, 1, SCALE_PROMPTS[i % SCALE_PROMPTS.length]);
  }
}

/** Clips each worker stored, from its `video.rehosted` log lines (needs LOG_LEVEL=info). */
export function rehostedCount(output: string): number {
  return output.split("\n").filter((l) => l.includes('"video.rehosted"')).length;
}

async function listKeys(client: S3Client, bucket: string): Promise<string[]> {
  const keys: string[] = [];
  let marker: string | undefined;
  for (;;) {
    const page = await client.send(new ListObjectsCommand({ Bucket: bucket, Marker: marker }));
    for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
    if (!page.IsTruncated || !page.Contents?.length) return keys;
    marker = page.Contents.at(-1)?.Key;
  }
}

async function sha256Of(client: S3Client, bucket: string, key: string): Promise<{ bytes: number; sha256: string }> {
  const res = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const body = Buffer.from((await res.Body?.transformToByteArray()) ?? []);
  return { bytes: body.length, sha256: createHash("sha256").update(body).digest("hex") };
}

/**
 * I5 on S3: every STORED row's assets exist with matching size and sha256 and nothing else is in
 * the bucket. With a counter also "each object written once": every key written exactly once and
 * no write failed. Returns the number of objects written (counter) or stored.
 */
export async function checkS3Objects(opts: { db: Db; client: S3Client; bucket: string; counter?: S3WriteCounter }): Promise<number> {
  const { db, client, bucket, counter } = opts;
  const assets = await db.asset.findMany({ where: { generation: { status: "STORED" } }, select: { storageKey: true, bytes: true, sha256: true } });
  const expected = new Set(assets.map((a) => a.storageKey));
  const listed = await listKeys(client, bucket);
  expect(listed.filter((k) => !expected.has(k)), "objects without a STORED row").toEqual([]);
  expect(listed.length).toBe(expected.size);
  for (const a of assets) {
    expect(await sha256Of(client, bucket, a.storageKey), a.storageKey).toEqual({ bytes: a.bytes, sha256: a.sha256 });
  }
  if (!counter) return listed.length;
  const rewritten = [...counter.writesByKey].filter(([, n]) => n !== 1);
  expect(rewritten, "keys written more than once").toEqual([]);
  expect([...counter.writesByKey.keys()].sort()).toEqual([...expected].sort());
  expect(counter.failedWrites).toBe(0);
  return [...counter.writesByKey.values()].reduce((s, n) => s + n, 0);
}
