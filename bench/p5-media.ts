// P5 media serving: GET /api/media/:id/video.mp4 on the real server (signed-in cookie, the owner's
// clip, Range through serveRange) vs nginx serving the very same file from disk, 20 concurrent
// clients each doing random seeks (one fixed-size Range read per seek), A/B alternating rounds from
// a second process. Throughput = bytes ÷ wall time; seek latency = time to the response headers
// (what the player waits for before it can show the new position), full read latency for context.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { AppServer } from "./harness/app-server";
import { runLoad } from "./harness/load";
import type { TargetResult } from "./harness/load-spec";
import { atLeast, atMost, type BenchRow, fmtMs, fmtRate, fmtRatio } from "./harness/report";
import { percentile, ratio, throughput } from "./harness/stats";

const CLIENTS = 20;
const FILE_BYTES = 64 * 2 ** 20;
const CHUNK_BYTES = 512 * 1024;
const THROUGHPUT_TARGET = 0.8;
const SEEK_P95_TARGET_MS = 20;

/** A STORED clip of user 0 whose video is a FILE_BYTES file under the app's media root. */
export async function seedMediaClip(app: AppServer): Promise<{ id: string; relPath: string }> {
  const owner = app.users[0];
  if (!owner) throw new Error("P5 needs a user");
  const g = await app.db.generation.create({
    data: {
      ownerId: owner.id,
      mode: "TEXT",
      model: "viduq1-text",
      prompt: "bench media clip",
      params: { style: "general", aspectRatio: "16:9", movementAmplitude: "auto" },
      idemKey: randomUUID(),
      paramsHash: "bench",
      upstreamRequestId: randomUUID(),
      status: "STORED",
      costFen: 250,
    },
  });
  const relPath = `clips/${g.id}/video.mp4`;
  const file = path.join(app.dataDir, "media", relPath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const bytes = randomBytes(FILE_BYTES);
  fs.writeFileSync(file, bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await app.db.asset.create({ data: { generationId: g.id, kind: "VIDEO", storageKey: relPath, mime: "video/mp4", bytes: FILE_BYTES, sha256 } });
  return { id: g.id, relPath };
}

function partial(r: TargetResult): string {
  return `${r.statuses[206] ?? 0}/${r.latencies.length + r.errors} HTTP 206`;
}

export async function p5Rows(app: AppServer, nginxOrigin: string, clip: { id: string; relPath: string }, quick: boolean): Promise<BenchRow[]> {
  const durationMs = quick ? 2_500 : 10_000;
  const rounds = 2;
  const cookie = app.users[0]?.cookie ?? "";
  const result = await runLoad(
    {
      kind: "ranges",
      concurrency: CLIENTS,
      fileBytes: FILE_BYTES,
      chunkBytes: CHUNK_BYTES,
      warmupMs: quick ? 1_000 : 1_500,
      durationMs,
      rounds,
      timeoutMs: 30_000,
      targets: [
        { name: "nginx", url: `${nginxOrigin}/media/${clip.relPath}`, headers: {} },
        { name: "app", url: `${app.origin}/api/media/${clip.id}/video.mp4`, headers: { cookie } },
      ],
    },
    (1_500 * 2 + durationMs * rounds * 2) * 3 + 30_000,
  );
  const n = result.targets.nginx;
  const a = result.targets.app;
  if (!n || !a) throw new Error("P5: load generator returned no results");
  // Throughput only means something if both sides really served the ranges.
  for (const [name, r] of [["nginx", n], ["app", a]] as const) {
    if ((r.statuses[206] ?? 0) < 0.99 * (r.latencies.length + r.errors)) throw new Error(`P5: ${name} answered ${JSON.stringify(r.statuses)}, ${r.errors} errors (${r.firstError ?? ""})`);
  }
  const nRate = throughput(n.bytes, n.wallMs);
  const aRate = throughput(a.bytes, a.wallMs);
  const r = ratio(aRate, nRate);
  const seekP95 = percentile(a.ttfb, 0.95);
  const cond = `${CLIENTS} clients, random ${CHUNK_BYTES / 1024} KiB ranges of a ${FILE_BYTES / 2 ** 20} MiB file, ${rounds}×${durationMs / 1000} s per side, nginx 1 worker + sendfile`;
  return [
    {
      id: "P5",
      figure: "Range throughput, app ÷ nginx",
      measured: fmtRatio(r),
      target: `≥ ${THROUGHPUT_TARGET}×`,
      verdict: atLeast(r, THROUGHPUT_TARGET),
      conditions: `app ${fmtRate(aRate)} vs nginx ${fmtRate(nRate)}; ${cond}`,
    },
    {
      id: "P5",
      figure: "seek latency p95 (time to headers), app",
      measured: fmtMs(seekP95),
      target: `≤ ${SEEK_P95_TARGET_MS} ms`,
      verdict: atMost(seekP95, SEEK_P95_TARGET_MS),
      conditions: `nginx p95 ${fmtMs(percentile(n.ttfb, 0.95))}; full ${CHUNK_BYTES / 1024} KiB read p95: app ${fmtMs(percentile(a.latencies, 0.95))}, nginx ${fmtMs(percentile(n.latencies, 0.95))}; app ${partial(a)}, nginx ${partial(n)}`,
    },
  ];
}
