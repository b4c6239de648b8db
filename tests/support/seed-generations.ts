// Seeds realistic gallery data fast (createMany in batches): N generations spread over M users, with
// Chinese and English prompts, every status, the three modes (image modes with Upload inputs),
// personal tags, favourites and Asset rows for stored clips. Shared by the gallery tests and
// bench/gallery.ts. Deterministic for a given `seed`. Writes rows only; `writeMedia` (optional)
// lets a caller put real bytes behind some of the Asset rows.
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { Db } from "@/lib/server/db";
import { normalizeForSearch } from "@/lib/server/generations/prompt-search";

const SUBJECTS_ZH = ["一只纸船", "一位老人", "一只橘猫", "一列绿皮火车", "一盏红灯笼", "一群白鹭", "一位舞者", "一辆自行车", "一座石桥", "一片竹林"];
const SCENES_ZH = ["在雨夜的街道上漂流", "在清晨的湖面上", "穿过金色的麦田", "在霓虹灯下", "在雪山脚下", "在古镇的小巷里", "在海边的落日中", "在春天的樱花树下"];
const STYLES_ZH = ["，镜头缓慢推进", "，电影感光影", "，慢动作", "，航拍视角", "，水墨风格", "，柔和的逆光"];
const SUBJECTS_EN = ["A paper boat", "An old fisherman", "A ginger cat", "A vintage train", "A red lantern", "A flock of egrets", "A street dancer", "A bicycle", "A stone bridge", "A bamboo forest"];
const SCENES_EN = ["drifting down a rainy street at dusk", "on a misty lake at dawn", "crossing a golden wheat field", "under neon lights", "at the foot of a snowy mountain", "in a narrow old-town alley", "on the beach at sunset", "under cherry blossoms in spring"];
const STYLES_EN = [", slow tracking shot", ", cinematic lighting", ", slow motion", ", aerial view", ", watercolor style", ", soft backlight"];
const TAG_NAMES = ["campaign", "客户A", "draft", "精选", "social", "b-roll"];

type Status = "QUEUED" | "PROCESSING" | "STORED" | "REJECTED" | "FAILED" | "EXPIRED" | "CANCELLED";
const STATUS_WEIGHTS: [Status, number][] = [
  ["STORED", 80],
  ["FAILED", 6],
  ["REJECTED", 4],
  ["EXPIRED", 3],
  ["CANCELLED", 3],
  ["PROCESSING", 2],
  ["QUEUED", 2],
];
const ERROR_OF: Partial<Record<Status, string>> = { FAILED: "upstream_failed", REJECTED: "unsafe_content", EXPIRED: "expired", CANCELLED: "cancelled" };

/** mulberry32: a tiny deterministic PRNG so seeded data (and benchmarks) are reproducible. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedOptions {
  /** Existing user ids, or how many users to create. */
  users: string[] | number;
  /** Total generations, spread round-robin over the users. */
  total: number;
  /** Newest createdAt; older clips go back `spanDays`. */
  now?: Date;
  spanDays?: number;
  seed?: number;
  batchSize?: number;
  /** Share of clips with tags / favourites (0..1). */
  tagRate?: number;
  favouriteRate?: number;
}

export interface SeededClip {
  id: string;
  ownerId: string;
  prompt: string;
  mode: "TEXT" | "IMAGE" | "START_END";
  status: Status;
  createdAt: Date;
  tags: string[];
  favourite: boolean;
}

export interface SeedResult {
  userIds: string[];
  clips: SeededClip[];
}

const ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
function makeId(rand: () => number): string {
  let s = "c";
  for (let i = 0; i < 24; i++) s += ID_CHARS[Math.floor(rand() * ID_CHARS.length)];
  return s;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function weighted(rand: () => number): Status {
  let r = rand() * 100;
  for (const [s, w] of STATUS_WEIGHTS) {
    if ((r -= w) < 0) return s;
  }
  return "STORED";
}

function samplePrompt(rand: () => number): string {
  return rand() < 0.5
    ? `${pick(rand, SUBJECTS_ZH)}${pick(rand, SCENES_ZH)}${pick(rand, STYLES_ZH)}`
    : `${pick(rand, SUBJECTS_EN)} ${pick(rand, SCENES_EN)}${pick(rand, STYLES_EN)}`;
}

async function inBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function seedGenerations(client: Db, opts: SeedOptions): Promise<SeedResult> {
  const rand = prng(opts.seed ?? 1);
  const batch = opts.batchSize ?? 500;
  const now = (opts.now ?? new Date()).getTime();
  const spanMs = (opts.spanDays ?? 180) * 86_400_000;
  const userIds = Array.isArray(opts.users) ? opts.users : [];
  if (!Array.isArray(opts.users)) {
    const run = randomUUID().slice(0, 8);
    const users = Array.from({ length: opts.users }, (_, i) => ({ id: makeId(rand), email: `seed-${run}-${i}@example.test`, name: `Seed ${i + 1}` }));
    await inBatches(users, batch, (data) => client.user.createMany({ data }));
    userIds.push(...users.map((u) => u.id));
  }

  // A few input images per user; image modes reference them.
  const uploads = userIds.flatMap((ownerId) =>
    Array.from({ length: 3 }, () => {
      const id = makeId(rand);
      return { id, ownerId, storageKey: `uploads/${id}.png`, mime: "image/png", width: 1280, height: 720, bytes: 1000, sha256: "0".repeat(64) };
    }),
  );
  await inBatches(uploads, batch, (data) => client.upload.createMany({ data }));
  const tags = userIds.flatMap((ownerId) => TAG_NAMES.map((name) => ({ id: makeId(rand), ownerId, name })));
  await inBatches(tags, batch, (data) => client.tag.createMany({ data }));

  const gens: Prisma.GenerationCreateManyInput[] = [];
  const inputs: { generationId: string; position: number; uploadId: string }[] = [];
  const assets: Prisma.AssetCreateManyInput[] = [];
  const genTags: { generationId: string; tagId: string }[] = [];
  const favourites: { userId: string; generationId: string }[] = [];
  const clips: SeededClip[] = [];
  for (let i = 0; i < opts.total; i++) {
    const ownerId = userIds[i % userIds.length] as string;
    const id = makeId(rand);
    const r = rand();
    const mode: SeededClip["mode"] = r < 0.6 ? "TEXT" : r < 0.85 ? "IMAGE" : "START_END";
    const status = weighted(rand);
    const prompt = mode === "TEXT" || rand() < 0.7 ? samplePrompt(rand) : "";
    // Spread evenly back in time, with some clips sharing a millisecond (ties are ordered by id).
    const createdAt = new Date(now - Math.floor((i / Math.max(1, opts.total)) * spanMs) - (i % 7 === 0 ? 0 : Math.floor(rand() * 1000)));
    const stored = status === "STORED";
    const accepted = status !== "QUEUED" && status !== "CANCELLED";
    const at = (ms: number) => new Date(createdAt.getTime() + ms);
    gens.push({
      id,
      ownerId,
      mode,
      model: mode === "TEXT" ? "viduq1-text" : mode === "IMAGE" ? "viduq1-image" : "viduq1-start-end",
      prompt,
      promptSearch: normalizeForSearch(prompt),
      params: mode === "TEXT" ? { style: "general", aspectRatio: "16:9", movementAmplitude: "auto" } : { movementAmplitude: "auto", withAudio: false },
      idemKey: `seed-${id}`,
      paramsHash: createHash("sha256").update(id).digest("hex"),
      upstreamRequestId: randomUUID(),
      upstreamTaskId: accepted ? `task-${id}` : null,
      status,
      costFen: 250,
      errorCode: ERROR_OF[status] ?? null,
      createdAt,
      updatedAt: at(120_000),
      submittedAt: accepted ? at(1_000) : null,
      acceptedAt: accepted ? at(2_000) : null,
      successSeenAt: stored ? at(95_000) : null,
      downloadedAt: stored ? at(99_000) : null,
      finishedAt: status === "PROCESSING" || status === "QUEUED" ? null : at(100_000),
      durationMs: stored ? 5_000 : null,
      width: stored ? 1920 : null,
      height: stored ? 1080 : null,
      bytes: stored ? 2_400_000 : null,
    });
    const own = uploads.filter((u) => u.ownerId === ownerId);
    if (mode !== "TEXT") inputs.push({ generationId: id, position: 0, uploadId: (own[0] ?? uploads[0])!.id });
    if (mode === "START_END") inputs.push({ generationId: id, position: 1, uploadId: (own[1] ?? uploads[0])!.id });
    if (stored) {
      for (const [kind, file, mime, bytes] of [
        ["VIDEO", "video.mp4", "video/mp4", 2_400_000],
        ["COVER", "cover.jpg", "image/jpeg", 180_000],
        ["POSTER", "poster.jpg", "image/jpeg", 18_000],
        ["PREVIEW", "preview.mp4", "video/mp4", 300_000],
      ] as const) {
        assets.push({
          id: makeId(rand),
          generationId: id,
          kind,
          storageKey: `clips/${id}/${file}`,
          mime,
          bytes,
          sha256: createHash("sha256").update(`${id}/${file}`).digest("hex"),
          width: kind === "VIDEO" ? 1920 : null,
          height: kind === "VIDEO" ? 1080 : null,
          durationMs: kind === "VIDEO" ? 5_000 : null,
        });
      }
    }
    const clipTags: string[] = [];
    if (rand() < (opts.tagRate ?? 0.2)) {
      const userTags = tags.filter((t) => t.ownerId === ownerId);
      const first = pick(rand, userTags);
      clipTags.push(first.name);
      genTags.push({ generationId: id, tagId: first.id });
    }
    const favourite = rand() < (opts.favouriteRate ?? 0.1);
    if (favourite) favourites.push({ userId: ownerId, generationId: id });
    clips.push({ id, ownerId, prompt, mode, status, createdAt, tags: clipTags, favourite });
  }
  await inBatches(gens, batch, (data) => client.generation.createMany({ data }));
  await inBatches(inputs, batch, (data) => client.generationInput.createMany({ data }));
  await inBatches(assets, batch, (data) => client.asset.createMany({ data }));
  await inBatches(genTags, batch, (data) => client.generationTag.createMany({ data }));
  await inBatches(favourites, batch, (data) => client.favourite.createMany({ data }));
  return { userIds, clips };
}
