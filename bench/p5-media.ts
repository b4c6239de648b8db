// P5 media serving: a player's random seeks (one fixed-size Range read per seek) over signed media
// URLs, each way of serving them next to nginx serving the very same file straight from disk:
//  1. "nginx secure_link" (the recommended deployment, docs/deploy.md "Signed media URLs"): an app
//     started with MEDIA_URL_SIGNING=nginx-md5 issues the URL on a page view (GET /api/generations/:id,
//     session + roles from the DB, once); nginx, configured with the recipe read from docs/deploy.md,
//     checks signature and expiry and sends the bytes (sendfile, Range). Baseline: the same nginx
//     serving the file directly.
//  2. "Node route" (no proxy): the default app (MEDIA_URL_SIGNING=hmac) issues the URL the same way;
//     clients fetch it from the app's /api/media/signed/… route, which checks one HMAC and streams the
//     range (no session, no database read). Baseline: nginx serving the file, clients talking to it.
// 20 concurrent clients, rounds over all four targets from a second process, each side's round right
// beside its baseline's and the order reversed every other round (A B, B A, …).
// Throughput = bytes ÷ wall time; seek latency = time to the response headers (what the player waits
// for before it can show the new position), compared as p95 ÷ nginx's p95; full read latency for context.
// Each figure is the median over the rounds of the side's value ÷ its baseline's in the same pair of
// rounds: on a shared machine the load moves between rounds, and a ratio of totals pooled over the
// whole run swung by ±20 % between runs of the same code; the spread of the pairs is printed with it.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type AppServer, startAppServer } from "./harness/app-server";
import { CpuShares } from "./harness/cpu-probe";
import { runLoad } from "./harness/load";
import type { RangeTarget, TargetResult } from "./harness/load-spec";
import { startNginx, type Nginx } from "./harness/nginx";
import { atLeast, atMost, type BenchRow, fmtMs, fmtRate, fmtRatio } from "./harness/report";
import { type PairedRatio, pairedRatio, percentile, throughput } from "./harness/stats";

const CLIENTS = 20;
const FILE_BYTES = 64 * 2 ** 20;
const CHUNK_BYTES = 512 * 1024;
const SECURE_LINK_TARGET = 0.9;
const NODE_TARGET = 0.5;
const SEEK_P95_RATIO_TARGET = 1.2;
const MEDIA_URL_SECRET = randomBytes(32).toString("hex");

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

/** What a page view hands the player: the clip's signed video URL (the page authorizes once). */
async function issuedVideoUrl(app: AppServer, clipId: string): Promise<string> {
  const res = await fetch(`${app.origin}/api/generations/${clipId}`, { headers: { cookie: app.users[0]?.cookie ?? "" } });
  const body = (await res.json()) as { media?: { video?: { url?: string } } };
  const url = body.media?.video?.url;
  if (res.status !== 200 || !url?.startsWith("/api/media/signed/")) throw new Error(`P5: the page view answered ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return url;
}

/** Per measured round: its throughput, its seek p95 (headers) and its first-body-byte p95. */
function perRound(r: TargetResult): { rate: number[]; seekP95: number[]; firstByteP95: number[] } {
  const p95 = (samples: number[]) => r.rounds.map((round, i) => percentile(samples.slice(round.first, r.rounds[i + 1]?.first ?? samples.length), 0.95));
  return { rate: r.rounds.map((round) => throughput(round.bytes, round.wallMs)), seekP95: p95(r.ttfb), firstByteP95: p95(r.firstByte) };
}

function spread(p: PairedRatio): string {
  return `median of ${p.pairs} paired rounds, ${fmtRatio(p.min)}–${fmtRatio(p.max)}`;
}

function partial(r: TargetResult): string {
  return `${r.statuses[206] ?? 0}/${r.latencies.length + r.errors} HTTP 206`;
}

/** The measured setups must really work: through nginx's secure_link the issued URL gives the right
 *  bytes and the media headers; an edited, unsigned or foreign URL and the other clip's path are
 *  refused; the app's own route accepts the same URL (it checks what it issues). */
async function checkSecureLink(app: AppServer, nginx: Nginx, clip: { id: string; relPath: string }, url: string): Promise<void> {
  const range = "bytes=1000-1999";
  const res = await fetch(`${nginx.origin}${url}`, { headers: { range } });
  const got = Buffer.from(await res.arrayBuffer());
  const want = fs.readFileSync(path.join(app.dataDir, "media", clip.relPath)).subarray(1000, 2000);
  const h = (k: string) => res.headers.get(k);
  const headersOk =
    (h("content-security-policy") ?? "").includes("sandbox") &&
    h("x-content-type-options") === "nosniff" &&
    h("cross-origin-resource-policy") === "same-origin" &&
    h("cache-control") === "private, max-age=300" &&
    h("content-type") === "video/mp4" &&
    h("content-range") === `bytes 1000-1999/${FILE_BYTES}`;
  if (res.status !== 206 || !got.equals(want) || !headersOk) {
    throw new Error(`P5 secure_link: HTTP ${res.status}, ${got.length} bytes (match ${got.equals(want)}), headers ${JSON.stringify(Object.fromEntries(res.headers))}`);
  }
  const refused = {
    edited: url.replace(/e=(\d+)/, (_m, e: string) => `e=${Number(e) + 60}`),
    unsigned: url.replace(/&s=.*/, ""),
    otherObject: url.replace("/video.mp4?", "/poster.jpg?"),
    otherClip: url.replace(clip.id, `${clip.id.slice(0, -1)}${clip.id.endsWith("a") ? "b" : "a"}`),
  };
  for (const [name, bad] of Object.entries(refused)) {
    const r = await fetch(`${nginx.origin}${bad}`, { headers: { range } });
    await r.arrayBuffer();
    if (r.status !== 403) throw new Error(`P5 secure_link: the ${name} URL got ${r.status} (want 403)`);
  }
  const viaApp = await fetch(`${app.origin}${url}`, { headers: { range } });
  if (viaApp.status !== 206 || !Buffer.from(await viaApp.arrayBuffer()).equals(want)) throw new Error(`P5: the app refused its own nginx-form URL (${viaApp.status})`);
}

export async function p5Rows(app: AppServer, nginxOrigin: string, clip: { id: string; relPath: string }, quick: boolean, buildDir: string): Promise<BenchRow[]> {
  const durationMs = quick ? 1_500 : 5_000;
  const warmupMs = quick ? 1_000 : 1_500;
  const rounds = quick ? 4 : 6;
  // The recommended deployment's own app (same build, nginx-form URLs) and nginx with the documented recipe.
  const slDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-p5-securelink-"));
  let slApp: AppServer | undefined;
  let slNginx: Nginx | undefined;
  try {
    slApp = await startAppServer(buildDir, slDir, 1, { MEDIA_URL_SIGNING: "nginx-md5", MEDIA_URL_SECRET, MEDIA_URL_TTL_SECONDS: "3600" });
    const slClip = await seedMediaClip(slApp);
    slNginx = await startNginx(slDir, { mediaDir: path.join(slDir, "media"), secret: MEDIA_URL_SECRET });
    const slUrl = await issuedVideoUrl(slApp, slClip.id);
    await checkSecureLink(slApp, slNginx, slClip, slUrl);
    const nodeUrl = await issuedVideoUrl(app, clip.id);
    const targets: RangeTarget[] = [
      { name: "nginx", url: `${nginxOrigin}/media/${clip.relPath}`, headers: {} },
      { name: "app", url: `${app.origin}${nodeUrl}`, headers: {} },
      { name: "nginx2", url: `${slNginx.origin}/media/${slClip.relPath}`, headers: {} },
      { name: "securelink", url: `${slNginx.origin}${slUrl}`, headers: {} },
    ];
    // CPU per byte served, each server over the same load run: a ratio the machine's load moves far less
    // than latency (the Node route's cost per range, against nginx's sendfile).
    const appCpu = new CpuShares(app.proc.pid);
    const nginxCpu = new CpuShares(slNginx.pgid);
    appCpu.start();
    nginxCpu.start();
    const result = await runLoad(
      { kind: "ranges", concurrency: CLIENTS, fileBytes: FILE_BYTES, chunkBytes: CHUNK_BYTES, warmupMs, durationMs, rounds, timeoutMs: 30_000, targets },
      (warmupMs * targets.length + durationMs * rounds * targets.length) * 3 + 30_000,
    );
    appCpu.stop();
    nginxCpu.stop();
    const [n, a, n2, x] = (["nginx", "app", "nginx2", "securelink"] as const).map((k) => result.targets[k]);
    if (!n || !a || !n2 || !x) throw new Error("P5: load generator returned no results");
    const mib = (...rs: TargetResult[]) => rs.reduce((sum, r) => sum + r.bytes + r.warmupBytes, 0) / 2 ** 20;
    const appMsPerMiB = appCpu.serverMs() / mib(a);
    const nginxMsPerMiB = nginxCpu.serverMs() / mib(n2, x);
    // Throughput only means something if every side really served the ranges.
    for (const [name, r] of [["nginx", n], ["Node route", a], ["nginx (secure_link baseline)", n2], ["nginx secure_link", x]] as const) {
      if ((r.statuses[206] ?? 0) < 0.99 * (r.latencies.length + r.errors)) throw new Error(`P5: ${name} answered ${JSON.stringify(r.statuses)}, ${r.errors} errors (${r.firstError ?? ""})`);
    }
    const cond = `${CLIENTS} clients, random ${CHUNK_BYTES / 1024} KiB ranges of a ${FILE_BYTES / 2 ** 20} MiB file, ${rounds}×${durationMs / 1000} s per side (4 sides, each beside its baseline, order reversed every other round), nginx 1 worker + sendfile`;
    const rows = (label: string, side: TargetResult, base: TargetResult, target: number, against: string, extra: string): BenchRow[] => {
      const sRate = throughput(side.bytes, side.wallMs);
      const bRate = throughput(base.bytes, base.wallMs);
      const seekP95 = percentile(side.ttfb, 0.95);
      const baseP95 = percentile(base.ttfb, 0.95);
      const [s, b] = [perRound(side), perRound(base)];
      const rate = pairedRatio(s.rate, b.rate);
      const seek = pairedRatio(s.seekP95, b.seekP95);
      const firstByte = pairedRatio(s.firstByteP95, b.firstByteP95);
      const r = rate.median;
      const seekRatio = seek.median;
      return [
        {
          id: "P5",
          figure: `Range throughput, ${label} ÷ nginx`,
          measured: fmtRatio(r),
          target: `≥ ${target}×`,
          verdict: atLeast(r, target),
          conditions: `${spread(rate)}; over the whole run ${label} ${fmtRate(sRate)} vs nginx ${fmtRate(bRate)} (${against}); ${cond}${extra}`,
        },
        {
          id: "P5",
          figure: `seek latency p95 (time to headers), ${label} ÷ nginx`,
          measured: fmtRatio(seekRatio),
          target: `≤ ${SEEK_P95_RATIO_TARGET}×`,
          verdict: atMost(seekRatio, SEEK_P95_RATIO_TARGET),
          conditions: `${spread(seek)}; over the whole run ${label} p95 ${fmtMs(seekP95)}, nginx p95 ${fmtMs(baseP95)}; full ${CHUNK_BYTES / 1024} KiB read p95: ${label} ${fmtMs(percentile(side.latencies, 0.95))}, nginx ${fmtMs(percentile(base.latencies, 0.95))}; ${label} ${partial(side)}, nginx ${partial(base)}`,
        },
        {
          // Headers alone do not let a player show the new position: it needs the range's first bytes too.
          id: "P5",
          figure: `first body byte p95, ${label} ÷ nginx`,
          measured: fmtRatio(firstByte.median),
          target: "(context)",
          verdict: "n/a",
          conditions: `${spread(firstByte)}; over the whole run ${label} p95 ${fmtMs(percentile(side.firstByte, 0.95))}, nginx p95 ${fmtMs(percentile(base.firstByte, 0.95))}`,
        },
      ];
    };
    return [
      ...rows(
        "nginx secure_link",
        x,
        n2,
        SECURE_LINK_TARGET,
        "the same nginx serving the file directly",
        "; the recommended deployment (docs/deploy.md, recipe read from it): the page view authorizes once, nginx checks the signed URL (secure_link, MD5) and sends the file",
      ),
      ...rows("Node route", a, n, NODE_TARGET, "clients straight to the app, no nginx", "; signed URL checked by the app (HMAC-SHA256, no session, no database read), the app streams the range"),
      {
        id: "P5",
        figure: "server CPU per MiB served, Node route ÷ nginx",
        measured: fmtRatio(appMsPerMiB / nginxMsPerMiB),
        target: "(context)",
        verdict: "n/a",
        conditions: `Node route ${appMsPerMiB.toFixed(2)} ms per MiB (the app's processes over the load run ÷ the ${mib(a).toFixed(0)} MiB it sent, warm-up included), nginx ${nginxMsPerMiB.toFixed(2)} ms per MiB (the secure_link instance: its two sides, ${mib(n2, x).toFixed(0)} MiB); the Node route's throughput and seek latency follow from it on two cores shared with the clients`,
      },
    ];
  } finally {
    await Promise.all([slNginx?.stop(), slApp?.stop()]);
    fs.rmSync(slDir, { recursive: true, force: true });
  }
}
