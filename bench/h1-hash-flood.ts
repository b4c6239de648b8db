// H1 hash flood: anonymous clients posting sign-ins with random emails (each from its own address,
// so the per-address limit alone cannot stop them) while a signed-in user reads an upload
// (GET /api/uploads/:id, a file read on the same libuv pool the password hashes use). The figure is
// the readers' p95 under the flood ÷ their p95 idle, measured side by side in one run: idle and
// flooded rounds alternate (A B A B) against the same server. Before the hash gate
// (lib/server/auth/hash-gate.ts) 16 such clients took this read from 10 ms to 11.1 s median.
import { randomBytes, createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type AppServer, startAppServer } from "./harness/app-server";
import { CpuShares } from "./harness/cpu-probe";
import { runLoad } from "./harness/load";
import type { RequestTarget, TargetResult } from "./harness/load-spec";
import { atMost, type BenchRow, fmtMs, fmtRatio } from "./harness/report";
import { percentile, ratio } from "./harness/stats";

const FLOODERS = 16;
const RATIO_TARGET = 2;
const READERS = 2;

/** A 256 KiB upload of user 0, stored where the local storage driver reads it. */
async function seedUpload(app: AppServer): Promise<string> {
  const owner = app.users[0];
  if (!owner) throw new Error("H1 needs a user");
  const key = `uploads/h1-${Date.now()}.png`;
  const bytes = randomBytes(256 * 1024);
  const file = path.join(app.dataDir, "media", key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const u = await app.db.upload.create({ data: { ownerId: owner.id, storageKey: key, mime: "image/png", width: 512, height: 512, bytes: bytes.length, sha256 } });
  return u.id;
}

/** FLOODERS loops posting next-auth credential sign-ins (valid CSRF, random email) until `stop()`. */
function startFlood(origin: string, csrf: { token: string; cookie: string }) {
  let running = true;
  const statuses: Record<string, number> = {};
  const loop = async (i: number) => {
    while (running) {
      const body = new URLSearchParams({ email: `flood-${randomBytes(6).toString("hex")}@example.test`, password: "wrong password 123", csrfToken: csrf.token, json: "true" });
      try {
        const res = await fetch(`${origin}/api/auth/callback/credentials`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie, origin, "x-forwarded-for": `198.18.${i}.${1 + (i % 250)}` },
          body,
          redirect: "manual",
        });
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      } catch {
        statuses.error = (statuses.error ?? 0) + 1;
      }
    }
  };
  const loops = Array.from({ length: FLOODERS }, (_, i) => loop(i));
  return {
    statuses,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function csrfOf(origin: string): Promise<{ token: string; cookie: string }> {
  const res = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { token: csrfToken, cookie };
}

export async function h1Rows(buildDir: string, dataDir: string, quick: boolean): Promise<BenchRow[]> {
  fs.mkdirSync(dataDir, { recursive: true });
  // Its own server: TRUST_PROXY lets every flooder come from its own address (X-Forwarded-For).
  const app = await startAppServer(buildDir, dataDir, 1, { TRUST_PROXY: "1" });
  try {
    const uploadId = await seedUpload(app);
    const probe: RequestTarget = { name: "read", url: `${app.origin}/api/uploads/${uploadId}`, method: "GET", headers: { cookie: app.users[0]?.cookie ?? "" }, headerSets: [{}] };
    const perRound = quick ? 40 : 150;
    const rounds = quick ? 2 : 3;
    const spec = { kind: "requests" as const, targets: [probe], concurrency: READERS, warmup: 10, perRound, rounds: 1, timeoutMs: 60_000 };
    const idle: number[] = [];
    const flooded: number[] = [];
    const floodStatuses: Record<string, number> = {};
    const ok = (r: TargetResult | undefined) => (r?.statuses[200] ?? 0) === (r?.latencies.length ?? -1) && r?.errors === 0;
    let allOk = true;
    const csrf = await csrfOf(app.origin);
    // Where the CPU goes in each phase: the flooders run in this process, the readers in their own.
    const idleCpu = new CpuShares(app.proc.pid);
    const floodCpu = new CpuShares(app.proc.pid);
    let floodMs = 0;
    for (let round = 0; round < rounds; round++) {
      idleCpu.start();
      const a = (await runLoad(spec, 120_000)).targets.read;
      idleCpu.stop();
      allOk &&= ok(a);
      idle.push(...(a?.latencies ?? []));
      const floodStart = Date.now();
      const flood = startFlood(app.origin, csrf);
      try {
        // Let the flood fill the gate's slots and queue before measuring.
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        floodCpu.start();
        const b = (await runLoad(spec, 300_000)).targets.read;
        floodCpu.stop();
        allOk &&= ok(b);
        flooded.push(...(b?.latencies ?? []));
      } finally {
        await flood.stop();
        floodMs += Date.now() - floodStart;
      }
      for (const [k, v] of Object.entries(flood.statuses)) floodStatuses[k] = (floodStatuses[k] ?? 0) + v;
    }
    if (!allOk) throw new Error("H1: a read of the upload did not answer 200");
    const idleP95 = percentile(idle, 0.95);
    const floodP95 = percentile(flooded, 0.95);
    const r = ratio(floodP95, idleP95);
    const statusList = Object.entries(floodStatuses).map(([k, v]) => `${v}× ${k}`).join(", ");
    const floodTotal = Object.values(floodStatuses).reduce((a, b) => a + b, 0);
    const rate = `${((floodTotal * 1000) / Math.max(1, floodMs)).toFixed(0)}/s`;
    return [
      {
        id: "H1",
        figure: "hash flood: upload read p95 under flood ÷ idle",
        measured: fmtRatio(r),
        target: `≤ ${RATIO_TARGET}×`,
        verdict: atMost(r, RATIO_TARGET),
        conditions: `${FLOODERS} anonymous clients (16 addresses) posting sign-ins with random emails vs ${READERS} readers of a 256 KiB upload; idle p95 ${fmtMs(idleP95)} (median ${fmtMs(percentile(idle, 0.5))}), flooded p95 ${fmtMs(floodP95)} (median ${fmtMs(percentile(flooded, 0.5))}); ${rounds}×${perRound} reads per side, alternating; flood answers: ${statusList} (${rate} over ${(floodMs / 1000).toFixed(1)} s); CPU while reading idle: ${idleCpu.describe("bench process")}; flooded: ${floodCpu.describe("bench process (the flooders)")}`,
      },
    ];
  } finally {
    await app.stop();
  }
}
