// S1 script breakdown overhead: a 3,000-character Chinese script (harness/zh-script.ts) broken down
// through the real path — the breakdown service (lib/server/script-breakdown: authorization, budget
// check, AiCall + HOLD + job in one transaction, the draft), the job runner claiming the CHAT call
// (lib/server/ai-calls/call-job.ts: pre-send fence, send, settle), the simulator over HTTP, and the
// answers parsed, repaired and merged into the draft — against the same chat requests POSTed straight
// to the simulator over HTTP (the bare simulator time). A script this long is split into parts, one
// call each (lib/shared/script-parts.ts), which the app sends at once under the model's cap of 5: the
// bare side sends the same part requests (partRequests, the service's own), at most 5 at a time.
// A and B alternate after a warm-up, the order flipping every round, so a burst of background load
// hits both sides.
//
// Figure: server overhead ÷ simulator time = (median app − median simulator) ÷ median simulator.
// The simulator answers a chat in chatLatencyMs (400 ms at speed 1), far below what a real flash
// model needs for a 3,000-character breakdown (tens of seconds), so the ratio is a worst case: the
// overhead is a fixed cost (a few small transactions and the route's wait for the answer), not a
// share of the upstream time.
import fs from "node:fs";
import { partRequests, requestBreakdown } from "@/lib/server/script-breakdown/script-breakdown";
import { parseBreakdownAnswer } from "@/lib/shared/script-breakdown-parse";
import { startHarness } from "../tests/support/worker-harness";
import { benchFilm, benchWorker } from "./harness/bench-world";
import { captureLogs } from "./harness/pipeline-run";
import { atMost, type BenchRow, fmtMs, fmtRatio } from "./harness/report";
import { median } from "./harness/stats";
import { timedUpstream } from "./harness/timed-upstream";
import { chineseScript } from "./harness/zh-script";

const TARGET = 0.25;
const SCRIPT_CHARS = 3_000;

interface AppRound {
  totalMs: number;
  /** Where the time went, ms: see SEGMENTS. */
  segments: Record<Segment, number>;
  shots: number;
  repairs: number;
}

const SEGMENTS = ["queue", "claim", "upstream", "settle", "answer"] as const;
type Segment = (typeof SEGMENTS)[number];
const SEGMENT_TEXT: Record<Segment, string> = {
  queue: "before the insert (film check, request, budget read)",
  claim: "insert → first send (commit of the parts' AiCalls + HOLDs + jobs, nudge, claim, pre-send fence)",
  upstream: "upstream HTTP, first send → last answer (client's view)",
  settle: "settle (the last answer + ledger write)",
  answer: "answer (the service's wait for DONE, woken by the worker; draft read, parse + repair)",
};

async function bareChat(baseUrl: string, key: string, body: unknown): Promise<void> {
  const res = await fetch(`${baseUrl}/chat/completions`, { method: "POST", headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json()) as { choices?: { message?: { content?: string } }[] };
  if (res.status !== 200 || !json.choices?.[0]?.message?.content) throw new Error(`simulator chat answered ${res.status}`);
}

/** Every part's request straight to the simulator, at most `cap` at a time: ms until the last answer. */
async function bareParts(baseUrl: string, key: string, requests: readonly unknown[], cap: number): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < requests.length) await bareChat(baseUrl, key, requests[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(cap, requests.length) }, lane));
  return performance.now() - t0;
}

export async function s1Rows(quick: boolean): Promise<BenchRow[]> {
  const rounds = quick ? 5 : 20;
  const warmup = 3;
  // speed 1: the simulator's own chat latency (400 ms), as `npm run dev` serves it.
  const h = await startHarness({ speed: 1 });
  const logs = captureLogs();
  const timed = timedUpstream(h.sim);
  try {
    const { access, film } = await benchFilm(h, "S1");
    const script = chineseScript(SCRIPT_CHARS);
    const requests = partRequests(script);
    // The production runner settings (WORKER_CONCURRENCY 4, MODEL_CONCURRENCY 5, idle poll 1 s): the
    // service's nudge wakes the in-process worker, as in `npm start`.
    const worker = benchWorker(h, { speed: 1, cap: 5, concurrency: 4, upstream: timed.upstream });
    const app: AppRound[] = [];
    const sim: number[] = [];
    let seq = 0;
    const appRound = async (): Promise<AppRound> => {
      const wall0 = Date.now();
      const t0 = performance.now();
      const view = await requestBreakdown(h.db, access, film.id, `s1-${seq++}`, script, { waitMs: 60_000 });
      const totalMs = performance.now() - t0;
      if (view.status !== "done") throw new Error(`breakdown ended ${view.status}`);
      // The round's calls (one per part) and their sends: the first queued, the first sent, the last
      // answered at the client, the last settled.
      const calls = await h.db.aiCall.findMany({ where: { createdAt: { gte: new Date(wall0) } }, select: { createdAt: true, finishedAt: true } });
      if (calls.length !== requests.length) throw new Error(`S1: ${calls.length} calls for ${requests.length} parts`);
      const sends = timed.intervals.chat.filter((i) => i.start >= wall0);
      const created = Math.min(...calls.map((c) => c.createdAt.getTime()));
      const finished = Math.max(...calls.map((c) => c.finishedAt?.getTime() ?? NaN));
      const firstSend = Math.min(...sends.map((i) => i.start));
      const lastAnswer = Math.max(...sends.map((i) => i.end));
      const segments: Record<Segment, number> = {
        queue: created - wall0,
        claim: firstSend - created,
        upstream: lastAnswer - firstSend,
        settle: finished - lastAnswer,
        answer: wall0 + totalMs - finished,
      };
      return { totalMs, segments, shots: view.shots.length, repairs: view.repairs.length };
    };
    const simRound = () => bareParts(h.sim.baseUrl, h.sim.keys[0] ?? "", requests, 5);
    try {
      for (let i = 0; i < warmup; i++) {
        await appRound();
        await simRound();
      }
      for (let i = 0; i < rounds; i++) {
        if (i % 2 === 0) {
          app.push(await appRound());
          sim.push(await simRound());
        } else {
          sim.push(await simRound());
          app.push(await appRound());
        }
      }
    } finally {
      await worker.stop(5_000);
    }
    // The parse + repair of one answer on its own (pure, in this process): the share of "answer" that is CPU.
    const last = await h.db.aiCall.findFirstOrThrow({ where: { status: "DONE" }, orderBy: { createdAt: "desc" }, select: { answer: true } });
    const answer = last.answer as { content: string; finishReason: string };
    const p0 = performance.now();
    for (let i = 0; i < 10; i++) parseBreakdownAnswer(answer.content, answer.finishReason);
    const parseMs = (performance.now() - p0) / 10;

    const appMedian = median(app.map((r) => r.totalMs));
    const simMedian = median(sim);
    const overhead = appMedian - simMedian;
    const ratio = overhead / simMedian;
    const segs = SEGMENTS.map((s) => `${SEGMENT_TEXT[s]} ${median(app.map((r) => r.segments[s])).toFixed(0)} ms`).join("; ");
    const breakdown = `where the app's time goes (medians over ${rounds} rounds): ${segs}; of the answer segment, parse + repair alone ${parseMs.toFixed(1)} ms`;
    console.error(`S1 ${breakdown}`);
    const shots = app[0]?.shots ?? 0;
    const cond = `${SCRIPT_CHARS}-character Chinese script (${script.split("\n").length} lines, ${requests.length} parts = calls, ${shots} shots in the draft, repairs: ${app[0]?.repairs ?? 0}; answer ${[...answer.content].length} chars, finish ${answer.finishReason}); simulator chat latency 400 ms (speed 1), the bare side sends the same ${requests.length} requests ≤ 5 at a time; app ${fmtMs(appMedian, 0)} vs simulator ${fmtMs(simMedian, 0)} median over ${rounds} A/B rounds after ${warmup} warm-up pairs; 1 in-process worker (4 jobs, cap 5, idle poll 1 s), SQLite`;
    return [
      { id: "S1", figure: "script breakdown, server overhead ÷ simulator time (3,000 chars)", measured: fmtRatio(ratio), target: `≤ ${TARGET}×`, verdict: atMost(ratio, TARGET), conditions: cond },
      { id: "S1", figure: "script breakdown overhead, app − simulator (median)", measured: fmtMs(overhead, 0), target: "(context)", verdict: "n/a", conditions: breakdown },
    ];
  } finally {
    logs.restore();
    await h.close();
    fs.rmSync(h.dir, { recursive: true, force: true });
  }
}
