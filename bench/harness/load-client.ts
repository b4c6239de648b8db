// The load generator: runs as a SECOND process on loopback (bench/harness/load.ts spawns it with a
// spec file), so the client's CPU is not charged to the server being measured. Plain node:http
// with keep-alive agents, one per target, bounded in request count and time. Writes <spec>.result.json.
//   node --import tsx bench/harness/load-client.ts <spec.json>
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";
import type { LoadResult, LoadSpec, RangeTarget, RequestTarget, TargetResult } from "./load-spec";

function fill(template: string): string {
  return template.includes("{{uuid}}") ? template.replace(/\{\{uuid\}\}/g, randomUUID()) : template;
}

function emptyResult(): TargetResult {
  return { latencies: [], ttfb: [], firstByte: [], bytes: 0, warmupBytes: 0, wallMs: 0, rounds: [], statuses: {}, serverTiming: [], errors: 0, firstError: undefined };
}

interface Sample {
  status: number;
  ttfb: number;
  firstByte: number;
  total: number;
  bytes: number;
  serverTiming: string;
}

function once(agent: http.Agent, url: string, method: string, headers: Record<string, string>, body: string | undefined, timeoutMs: number): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.request(url, { method, headers, agent, timeout: timeoutMs }, (res) => {
      const ttfb = performance.now() - start;
      let bytes = 0;
      let firstByte: number | undefined;
      res.on("data", (c: Buffer) => {
        firstByte ??= performance.now() - start;
        bytes += c.length;
      });
      res.on("end", () => {
        const total = performance.now() - start;
        resolve({ status: res.statusCode ?? 0, ttfb, firstByte: firstByte ?? total, total, bytes, serverTiming: String(res.headers["server-timing"] ?? "") });
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

function record(r: TargetResult, s: Sample): void {
  r.latencies.push(s.total);
  r.ttfb.push(s.ttfb);
  r.firstByte.push(s.firstByte);
  r.bytes += s.bytes;
  r.serverTiming.push(s.serverTiming);
  r.statuses[s.status] = (r.statuses[s.status] ?? 0) + 1;
}

function fail(r: TargetResult, e: unknown): void {
  r.errors++;
  r.firstError ??= e instanceof Error ? e.message : String(e);
}

/** `count` requests with `concurrency` virtual users (user i uses headerSets[i]). */
async function requestBurst(t: RequestTarget, count: number, concurrency: number, timeoutMs: number, into: TargetResult | null): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  const start = performance.now();
  const user = async (i: number) => {
    const base = t.headerSets[i % t.headerSets.length] ?? {};
    while (next < count) {
      next++;
      const headers = Object.fromEntries(Object.entries({ ...t.headers, ...base }).map(([k, v]) => [k, fill(v)]));
      try {
        const s = await once(agent, t.url, t.method, headers, t.body === undefined ? undefined : fill(t.body), timeoutMs);
        if (into) record(into, s);
      } catch (e) {
        if (into) fail(into, e);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => user(i)));
  if (into) into.wallMs += performance.now() - start;
  agent.destroy();
}

/** Random-seek range reads for `durationMs`: `concurrency` clients, each read one `chunkBytes` range. */
async function rangeBurst(t: RangeTarget, spec: Extract<LoadSpec, { kind: "ranges" }>, durationMs: number, into: TargetResult | null, seed: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.concurrency });
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32);
  const start = performance.now();
  const deadline = start + durationMs;
  const first = into?.latencies.length ?? 0;
  const bytesBefore = into?.bytes ?? 0;
  const client = async () => {
    while (performance.now() < deadline) {
      const from = Math.floor(rand() * Math.max(1, spec.fileBytes - spec.chunkBytes));
      const headers = { ...t.headers, range: `bytes=${from}-${from + spec.chunkBytes - 1}` };
      try {
        const sample = await once(agent, t.url, "GET", headers, undefined, spec.timeoutMs);
        if (into) record(into, sample);
      } catch (e) {
        if (into) fail(into, e);
      }
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, () => client()));
  if (into) {
    const wallMs = performance.now() - start;
    into.wallMs += wallMs;
    into.rounds.push({ bytes: into.bytes - bytesBefore, wallMs, first });
  }
  agent.destroy();
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: load-client.ts <spec.json>");
  const spec = JSON.parse(fs.readFileSync(file, "utf8")) as LoadSpec;
  const out: LoadResult = { targets: {} };
  for (const t of spec.targets) out.targets[t.name] = emptyResult();
  // Rounds alternate the targets (A B A B …) so a noisy neighbour hits both sides alike.
  if (spec.kind === "requests") {
    for (const t of spec.targets) await requestBurst(t, spec.warmup, spec.concurrency, spec.timeoutMs, null);
    for (let round = 0; round < spec.rounds; round++) {
      for (const t of spec.targets) await requestBurst(t, spec.perRound, spec.concurrency, spec.timeoutMs, out.targets[t.name] ?? null);
    }
  } else {
    for (const t of spec.targets) {
      const warm = emptyResult();
      await rangeBurst(t, spec, spec.warmupMs, warm, 7);
      const into = out.targets[t.name];
      if (into) into.warmupBytes = warm.bytes;
    }
    // A B, then B A: a load that rises or falls during a pair of rounds favours neither side.
    for (let round = 0; round < spec.rounds; round++) {
      const order = round % 2 === 0 ? spec.targets : [...spec.targets].reverse();
      for (const t of order) await rangeBurst(t, spec, spec.durationMs, out.targets[t.name] ?? null, 1000 + round);
    }
  }
  // A file, not stdout: the latency arrays can be megabytes.
  fs.writeFileSync(`${file}.result.json`, JSON.stringify(out));
}

main().catch((e: unknown) => {
  process.stderr.write(`load-client: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
