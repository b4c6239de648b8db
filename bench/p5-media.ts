// P5 media serving, two ways of serving GET /api/media/:id/video.mp4 (signed-in cookie, the owner's
// clip), each next to nginx serving the very same file straight from disk:
//  1. "Node route": the app streams the range itself (serveRange), clients talk to it directly.
//  2. "X-Accel fast path" (what docs/deploy.md recommends for local storage): clients talk to nginx,
//     nginx proxies /api/media/ to a second app server started with MEDIA_ACCEL_REDIRECT_PREFIX, the
//     app authorizes (session, roles from the DB) and answers X-Accel-Redirect, nginx sends the bytes
//     (sendfile, Range) from its internal location. Baseline: the same nginx serving the file directly.
// 20 concurrent clients each doing random seeks (one fixed-size Range read per seek), A/B alternating
// rounds over all four targets from a second process. Throughput = bytes ÷ wall time; seek latency =
// time to the response headers (what the player waits for before it can show the new position),
// full read latency for context.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type AppServer, startAppServer } from "./harness/app-server";
import { runLoad } from "./harness/load";
import type { RangeTarget, TargetResult } from "./harness/load-spec";
import { startNginx, type Nginx } from "./harness/nginx";
import { atLeast, atMost, type BenchRow, fmtMs, fmtRate, fmtRatio } from "./harness/report";
import { percentile, ratio, throughput } from "./harness/stats";

const CLIENTS = 20;
const FILE_BYTES = 64 * 2 ** 20;
const CHUNK_BYTES = 512 * 1024;
const THROUGHPUT_TARGET = 0.8;
const SEEK_P95_TARGET_MS = 20;
const ACCEL_PREFIX = "/_protected_media/";

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

/** The fast path must really be the fast path: the app answers X-Accel-Redirect with no body, and
 *  through nginx the client gets the right bytes with our CSP (so the numbers measure a working setup). */
async function checkAccelPath(app: AppServer, nginx: Nginx, clip: { id: string; relPath: string }): Promise<void> {
  const cookie = app.users[0]?.cookie ?? "";
  const range = "bytes=1000-1999";
  const direct = await fetch(`${app.origin}/api/media/${clip.id}/video.mp4`, { headers: { cookie, range } });
  const body = Buffer.from(await direct.arrayBuffer());
  if (direct.headers.get("x-accel-redirect") !== `${ACCEL_PREFIX}${clip.relPath}` || body.length !== 0) {
    throw new Error(`P5 fast path: the app answered ${direct.status} x-accel-redirect=${direct.headers.get("x-accel-redirect")} with ${body.length} body bytes`);
  }
  const res = await fetch(`${nginx.origin}/api/media/${clip.id}/video.mp4`, { headers: { cookie, range } });
  const got = Buffer.from(await res.arrayBuffer());
  const want = fs.readFileSync(path.join(app.dataDir, "media", clip.relPath)).subarray(1000, 2000);
  // The headers the media threat model needs must survive nginx's X-Accel handling (docs/deploy.md).
  const h = (k: string) => res.headers.get(k);
  const headersOk =
    (h("content-security-policy") ?? "").includes("sandbox") &&
    h("x-content-type-options") === "nosniff" &&
    h("cache-control") === "private, max-age=3600" &&
    h("content-type") === "video/mp4" &&
    h("content-disposition") === "inline" &&
    h("content-range") === `bytes 1000-1999/${FILE_BYTES}` &&
    h("x-accel-redirect") === null;
  if (res.status !== 206 || !got.equals(want) || !headersOk) {
    throw new Error(`P5 fast path through nginx: HTTP ${res.status}, ${got.length} bytes (match ${got.equals(want)}), headers ${JSON.stringify(Object.fromEntries(res.headers))}`);
  }
  const denied = await fetch(`${nginx.origin}/api/media/${clip.id}/video.mp4`, { headers: { range } });
  const internal = await fetch(`${nginx.origin}${ACCEL_PREFIX}${clip.relPath}`, { headers: { range } });
  await Promise.all([denied.arrayBuffer(), internal.arrayBuffer()]);
  if (denied.status !== 401 || internal.status !== 404) {
    throw new Error(`P5 fast path: signed out got ${denied.status} (want 401), the internal location directly got ${internal.status} (want 404)`);
  }
}

export async function p5Rows(app: AppServer, nginxOrigin: string, clip: { id: string; relPath: string }, quick: boolean, buildDir: string): Promise<BenchRow[]> {
  const durationMs = quick ? 2_500 : 10_000;
  const warmupMs = quick ? 1_000 : 1_500;
  const rounds = 2;
  const cookie = app.users[0]?.cookie ?? "";
  // The fast path's own app server (same build, MEDIA_ACCEL_REDIRECT_PREFIX set) and nginx in front of it.
  const accelDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-p5-accel-"));
  let accelApp: AppServer | undefined;
  let accelNginx: Nginx | undefined;
  try {
    accelApp = await startAppServer(buildDir, accelDir, 1, { MEDIA_ACCEL_REDIRECT_PREFIX: ACCEL_PREFIX });
    const accelClip = await seedMediaClip(accelApp);
    accelNginx = await startNginx(accelDir, { upstream: accelApp.origin, prefix: ACCEL_PREFIX, mediaDir: path.join(accelDir, "media") });
    await checkAccelPath(accelApp, accelNginx, accelClip);
    const accelCookie = accelApp.users[0]?.cookie ?? "";
    const targets: RangeTarget[] = [
      { name: "nginx", url: `${nginxOrigin}/media/${clip.relPath}`, headers: {} },
      { name: "app", url: `${app.origin}/api/media/${clip.id}/video.mp4`, headers: { cookie } },
      { name: "nginx2", url: `${accelNginx.origin}/media/${accelClip.relPath}`, headers: {} },
      { name: "accel", url: `${accelNginx.origin}/api/media/${accelClip.id}/video.mp4`, headers: { cookie: accelCookie } },
    ];
    const result = await runLoad(
      { kind: "ranges", concurrency: CLIENTS, fileBytes: FILE_BYTES, chunkBytes: CHUNK_BYTES, warmupMs, durationMs, rounds, timeoutMs: 30_000, targets },
      (warmupMs * targets.length + durationMs * rounds * targets.length) * 3 + 30_000,
    );
    const [n, a, n2, x] = (["nginx", "app", "nginx2", "accel"] as const).map((k) => result.targets[k]);
    if (!n || !a || !n2 || !x) throw new Error("P5: load generator returned no results");
    // Throughput only means something if every side really served the ranges.
    for (const [name, r] of [["nginx", n], ["app", a], ["nginx (fast-path baseline)", n2], ["X-Accel fast path", x]] as const) {
      if ((r.statuses[206] ?? 0) < 0.99 * (r.latencies.length + r.errors)) throw new Error(`P5: ${name} answered ${JSON.stringify(r.statuses)}, ${r.errors} errors (${r.firstError ?? ""})`);
    }
    const cond = `${CLIENTS} clients, random ${CHUNK_BYTES / 1024} KiB ranges of a ${FILE_BYTES / 2 ** 20} MiB file, ${rounds}×${durationMs / 1000} s per side (4 sides alternating), nginx 1 worker + sendfile`;
    const rows = (label: string, side: TargetResult, base: TargetResult, against: string, extra: string): BenchRow[] => {
      const sRate = throughput(side.bytes, side.wallMs);
      const bRate = throughput(base.bytes, base.wallMs);
      const r = ratio(sRate, bRate);
      const seekP95 = percentile(side.ttfb, 0.95);
      return [
        {
          id: "P5",
          figure: `Range throughput, ${label} ÷ nginx`,
          measured: fmtRatio(r),
          target: `≥ ${THROUGHPUT_TARGET}×`,
          verdict: atLeast(r, THROUGHPUT_TARGET),
          conditions: `${label} ${fmtRate(sRate)} vs nginx ${fmtRate(bRate)} (${against}); ${cond}${extra}`,
        },
        {
          id: "P5",
          figure: `seek latency p95 (time to headers), ${label}`,
          measured: fmtMs(seekP95),
          target: `≤ ${SEEK_P95_TARGET_MS} ms`,
          verdict: atMost(seekP95, SEEK_P95_TARGET_MS),
          conditions: `nginx p95 ${fmtMs(percentile(base.ttfb, 0.95))}; full ${CHUNK_BYTES / 1024} KiB read p95: ${label} ${fmtMs(percentile(side.latencies, 0.95))}, nginx ${fmtMs(percentile(base.latencies, 0.95))}; ${label} ${partial(side)}, nginx ${partial(base)}`,
        },
      ];
    };
    return [
      ...rows(
        "X-Accel fast path",
        x,
        n2,
        "the same nginx serving the file directly",
        "; the recommended deployment (docs/deploy.md): client → nginx → app authorizes (session + roles from the DB) → X-Accel-Redirect → nginx sendfile",
      ),
      ...rows("Node route", a, n, "clients straight to the app, no nginx", "; the app streams the range itself (no MEDIA_ACCEL_REDIRECT_PREFIX, or S3 storage is not this path)"),
    ];
  } finally {
    await Promise.all([accelNginx?.stop(), accelApp?.stop()]);
    fs.rmSync(accelDir, { recursive: true, force: true });
  }
}
