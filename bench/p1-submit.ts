// P1 submit overhead: 50 concurrent users submitting a text clip through POST /api/generations on
// the real server (built app, scripts/start.mjs, SQLite, signed-in cookie per user, the in-app
// worker off) vs the same request sent straight to the simulator's create endpoint (a separate
// process too). The load comes from a second process, alternating A/B rounds.
import type { AppServer, StandaloneSimulator } from "./harness/app-server";
import { CpuShares } from "./harness/cpu-probe";
import { runLoad } from "./harness/load";
import type { RequestTarget, TargetResult } from "./harness/load-spec";
import { serverTimingBreakdown } from "./harness/server-timing";
import { atMost, type BenchRow, fmtMs, fmtRatio } from "./harness/report";
import { ratio, summarize } from "./harness/stats";

const USERS = 50;
// Goals of the performance issue: the app may add half the upstream's own time at the median, 50 ms at p99.
const MEDIAN_RATIO_TARGET = 1.5;
const P99_OVERHEAD_TARGET_MS = 50;
// Each request's prompt is its own (a fresh UUID in it): the same submission again under another key is
// a repeat the studio asks about (409 repeat_submission), which is not the path this bench measures.
const PROMPT = "A paper boat drifts down a rainy street, soft light, take {{uuid}}";

function okCount(r: TargetResult, ok: number): string {
  const good = r.statuses[ok] ?? 0;
  const total = r.latencies.length + r.errors;
  return `${good}/${total} HTTP ${ok}`;
}

/** The same submit, straight to the simulator's create endpoint and through the app's route. */
function p1Targets(app: AppServer, sim: StandaloneSimulator): RequestTarget[] {
  return [
    {
      name: "simulator",
      url: `${sim.baseUrl}/videos/generations`,
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${sim.key}` },
      headerSets: [{}],
      body: JSON.stringify({
        model: "viduq1-text",
        style: "general",
        prompt: PROMPT,
        duration: 5,
        aspect_ratio: "16:9",
        size: "1920x1080",
        movement_amplitude: "auto",
        request_id: "{{uuid}}",
      }),
    },
    {
      name: "app",
      url: `${app.origin}/api/generations`,
      method: "POST",
      headers: { "content-type": "application/json", origin: app.origin, "idempotency-key": "{{uuid}}" },
      headerSets: app.users.slice(0, USERS).map((u) => ({ cookie: u.cookie })),
      body: JSON.stringify({ mode: "text", prompt: PROMPT, style: "general", aspectRatio: "16:9", movementAmplitude: "auto" }),
    },
  ];
}

export async function p1Rows(app: AppServer, sim: StandaloneSimulator, quick: boolean): Promise<{ rows: BenchRow[]; note: string }> {
  const perRound = quick ? 100 : 250;
  const rounds = 2;
  const warmup = quick ? 50 : 100;
  const targets = p1Targets(app, sim);
  // The load generator alternates app and simulator rounds, so this covers both (the simulator is
  // in "rest of the machine"): it says whether the server had the CPU to keep up.
  const cpu = new CpuShares(app.proc.pid);
  cpu.start();
  const result = await runLoad({ kind: "requests", concurrency: USERS, warmup, perRound, rounds, timeoutMs: 30_000, targets }, quick ? 90_000 : 240_000);
  cpu.stop();
  const sRes = result.targets.simulator;
  const aRes = result.targets.app;
  if (!sRes || !aRes) throw new Error("P1: load generator returned no results");
  for (const [name, r, ok] of [["simulator", sRes, 200], ["app", aRes, 202]] as const) {
    if ((r.statuses[ok] ?? 0) < 0.99 * (r.latencies.length + r.errors)) throw new Error(`P1: ${name} answered ${JSON.stringify(r.statuses)}, ${r.errors} errors (${r.firstError ?? ""})`);
  }
  const s = summarize(sRes.latencies);
  const a = summarize(aRes.latencies);
  const medRatio = ratio(a.median, s.median);
  const p99Over = a.p99 - s.p99;
  const n = `${USERS} users, ${rounds}×${perRound} requests per side (A/B alternating rounds, after warm-up)`;
  const rows: BenchRow[] = [
    {
      id: "P1",
      figure: "submit median latency, app ÷ simulator",
      measured: fmtRatio(medRatio),
      target: `≤ ${MEDIAN_RATIO_TARGET}×`,
      verdict: atMost(medRatio, MEDIAN_RATIO_TARGET),
      conditions: `app ${fmtMs(a.median)} vs simulator ${fmtMs(s.median)}; ${n}`,
    },
    {
      id: "P1",
      figure: "submit p99 overhead (app p99 − simulator p99)",
      measured: fmtMs(p99Over),
      target: `≤ ${P99_OVERHEAD_TARGET_MS} ms`,
      verdict: atMost(p99Over, P99_OVERHEAD_TARGET_MS),
      conditions: `app p99 ${fmtMs(a.p99)} (p95 ${fmtMs(a.p95)}) vs simulator p99 ${fmtMs(s.p99)}; app ${okCount(aRes, 202)}, simulator ${okCount(sRes, 200)}`,
    },
  ];
  // One submitter, nothing queued in front of it: what a submit costs by itself, the floor of the ratio above.
  const solo = await runLoad({ kind: "requests", concurrency: 1, warmup: 10, perRound: quick ? 20 : 50, rounds: 2, timeoutMs: 30_000, targets }, 60_000);
  const soloS = summarize(solo.targets.simulator?.latencies ?? []);
  const soloA = summarize(solo.targets.app?.latencies ?? []);
  rows.push({
    id: "P1",
    figure: "submit median latency with 1 user (no queue), app ÷ simulator",
    measured: fmtRatio(ratio(soloA.median, soloS.median)),
    target: "(context)",
    verdict: "n/a",
    conditions: `app ${fmtMs(soloA.median)} (p99 ${fmtMs(soloA.p99)}) vs simulator ${fmtMs(soloS.median)}; 2×${quick ? 20 : 50} requests per side, alternating`,
  });
  // The server is one Node thread: with 50 submits in flight, each waits for the CPU of those ahead of it.
  const appRequests = aRes.latencies.length + aRes.errors + warmup;
  const cpuPerSubmit = cpu.serverMs() / appRequests;
  const queue = `P1 server CPU per submit: ${cpuPerSubmit.toFixed(1)} ms (the server's CPU over the 50-user run, in which it only served the app's rounds, ÷ its ${appRequests} submits incl. warm-up); a submit that arrives behind 49 others waits ≈ 49 × that for the one thread (the "outside" span below), which is the median's cause, not any one step of the handler`;
  const errors = [aRes.firstError, sRes.firstError].filter(Boolean).join("; ");
  // Where the app's submit time goes (the server runs with SERVER_TIMING=1: suites.ts).
  const breakdown = serverTimingBreakdown(aRes);
  const notes = [errors ? `P1 errors: ${errors}` : "", queue, `P1 breakdown of the app's submits: ${breakdown ?? "no Server-Timing headers (server without SERVER_TIMING=1)"}`, `P1 CPU over the whole load run (app and simulator rounds): ${cpu.describe("bench process")}`];
  return { rows, note: notes.filter(Boolean).join("\n- ") };
}
