// P4 re-host: the worker's download step (fetchToFile: SSRF-guarded safeDownload, sha256 while
// streaming, write + fsync into a scratch file) vs a raw loopback download of the same file (plain
// node:http piped into a file, then fsync: the durable-download floor), both from nginx, alternating
// per repetition; then peak RSS growth while 10 re-host downloads run at once (rss-probe.ts).
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { performance } from "node:perf_hooks";
import { fetchToFile, mediaPolicy } from "@/lib/server/net/fetch-to-file";
import { spawnManaged } from "./harness/processes";
import { atLeast, atMost, type BenchRow, fmtMiB, fmtRate, fmtRatio } from "./harness/report";
import { median, ratio, throughput } from "./harness/stats";

const MiB = 2 ** 20;
const THROUGHPUT_TARGET = 0.9;
const RSS_TARGET = 32 * MiB;
const MAX_BYTES = 300 * MiB;
const ROOT = path.resolve(import.meta.dirname, "..");
const PROBE = path.join(import.meta.dirname, "harness", "rss-probe.ts");

/** Writes an incompressible file of `mib` MiB (8 MiB random blocks). */
function makeFile(file: string, mib: number): void {
  const fd = fs.openSync(file, "w");
  try {
    for (let written = 0; written < mib; written += 8) fs.writeSync(fd, randomBytes(Math.min(8, mib - written) * MiB));
  } finally {
    fs.closeSync(fd);
  }
}

async function rawDownload(url: string, dst: string): Promise<number> {
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(url, resolve).on("error", reject));
  if (res.statusCode !== 200) throw new Error(`raw download: HTTP ${res.statusCode}`);
  let bytes = 0;
  res.on("data", (c: Buffer) => (bytes += c.length));
  await pipeline(res, fs.createWriteStream(dst));
  const fd = fs.openSync(dst, "r+");
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  return bytes;
}

async function rehostDownload(url: string, dst: string, origin: string): Promise<number> {
  const f = await fetchToFile(url, dst, { ...mediaPolicy([origin]), maxBytes: MAX_BYTES });
  return f.bytes;
}

async function timed(f: () => Promise<number>): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const bytes = await f();
  return { ms: performance.now() - t0, bytes };
}

/** Peak RSS above the level just before `n` concurrent re-host downloads start, in a fresh process. */
async function rssGrowth(url: string, origin: string, dir: string, n: number): Promise<number> {
  const out = path.join(dir, "rss.json");
  const probe = spawnManaged("rss-probe", process.execPath, ["--conditions=react-server", "--import", "tsx", PROBE, url, origin, dir, String(n), out], { cwd: ROOT });
  try {
    const code = await new Promise<number | null>((resolve) => probe.child.once("exit", resolve));
    if (code !== 0 || !fs.existsSync(out)) throw new Error(`rss probe failed (exit ${code}): ${probe.output().slice(-2000)}`);
    const { base, peak } = JSON.parse(fs.readFileSync(out, "utf8")) as { base: number; peak: number };
    return peak - base;
  } finally {
    await probe.stop();
  }
}

export async function p4Rows(nginxRoot: string, nginxOrigin: string, scratch: string, quick: boolean): Promise<BenchRow[]> {
  const srcDir = path.join(nginxRoot, "p4");
  fs.mkdirSync(srcDir, { recursive: true });
  fs.mkdirSync(scratch, { recursive: true });
  const rows: BenchRow[] = [];
  try {
    const plans = quick ? [{ mib: 50, reps: 2 }] : [{ mib: 50, reps: 5 }, { mib: 200, reps: 3 }];
    for (const { mib, reps } of plans) {
      makeFile(path.join(srcDir, `file-${mib}.bin`), mib);
      const url = `${nginxOrigin}/p4/file-${mib}.bin`;
      const dst = path.join(scratch, "dl.bin");
      const raw: number[] = [];
      const ours: number[] = [];
      for (let i = 0; i < reps; i++) {
        for (const [list, f] of [
          [raw, () => rawDownload(url, dst)],
          [ours, () => rehostDownload(url, dst, nginxOrigin)],
        ] as const) {
          const t = await timed(f);
          if (t.bytes !== mib * MiB) throw new Error(`P4: got ${t.bytes} bytes of ${mib} MiB`);
          list.push(t.ms);
          fs.rmSync(dst, { force: true });
        }
      }
      const rawRate = throughput(mib * MiB, median(raw));
      const ourRate = throughput(mib * MiB, median(ours));
      const r = ratio(ourRate, rawRate);
      rows.push({
        id: "P4",
        figure: `re-host download throughput ÷ raw, ${mib} MB`,
        measured: fmtRatio(r),
        target: `≥ ${THROUGHPUT_TARGET}×`,
        verdict: atLeast(r, THROUGHPUT_TARGET),
        conditions: `${fmtRate(ourRate)} vs raw ${fmtRate(rawRate)} (median of ${reps}, alternating; both write + fsync; from nginx on loopback)`,
      });
    }
    const rssPlans = quick ? [50] : [50, 200];
    for (const mib of rssPlans) {
      const growth = await rssGrowth(`${nginxOrigin}/p4/file-${mib}.bin`, nginxOrigin, scratch, 10);
      rows.push({
        id: "P4",
        figure: `peak RSS growth, 10 concurrent re-host downloads of ${mib} MB`,
        measured: fmtMiB(growth),
        target: `≤ ${fmtMiB(RSS_TARGET)}`,
        verdict: atMost(growth, RSS_TARGET),
        conditions: "fresh process (rss-probe.ts), RSS sampled every 5 ms vs after a warm-up download",
      });
    }
  } finally {
    fs.rmSync(srcDir, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return rows;
}
