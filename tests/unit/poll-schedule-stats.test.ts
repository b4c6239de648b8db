import { describe, expect, it } from "vitest";
import { nextPollOffset, pollOffsets, type PollPlan } from "@/lib/server/generations/video-job/poll-schedule";
import { planFromSamples } from "@/lib/server/generations/video-job/poll-plan";
import { drawGenerationMs } from "@/lib/simulator/generation-time";
import { VIDEO_MODELS } from "@/lib/shared/upstream/video-models";

// The adaptive schedule against fixed 5 s polling, on the simulator's completion-time distribution
// (what Baidu's table suggests for Vidu Q1). Target: at most a quarter of the polls with
// a median detection delay ≤ 2.5 s. Figures are printed for the report.

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function detect(T: number, plan: PollPlan): { polls: number; delay: number } {
  let polls = 0;
  for (const t of pollOffsets(plan)) {
    polls++;
    if (t >= T) return { polls, delay: t - T };
  }
  return { polls, delay: Infinity };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] ?? NaN;

function simulate(model: (typeof VIDEO_MODELS)[number], warm: boolean) {
  const random = rng(42);
  const history = Array.from({ length: 20 }, () => drawGenerationMs(model, 1, random));
  const plan = planFromSamples(warm ? history : [], model, 1);
  const adaptive = { polls: [] as number[], delay: [] as number[] };
  const fixed = { polls: [] as number[], delay: [] as number[] };
  for (let i = 0; i < 2000; i++) {
    const T = drawGenerationMs(model, 1, random);
    const a = detect(T, plan);
    adaptive.polls.push(a.polls);
    adaptive.delay.push(a.delay);
    const n = Math.ceil(T / 5000);
    fixed.polls.push(n);
    fixed.delay.push(n * 5000 - T);
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return {
    model,
    warm,
    pollsAdaptive: +mean(adaptive.polls).toFixed(2),
    pollsFixed5s: +mean(fixed.polls).toFixed(2),
    ratio: +(mean(adaptive.polls) / mean(fixed.polls)).toFixed(3),
    medianDelayMs: Math.round(quantile(adaptive.delay, 0.5)),
    p90DelayMs: Math.round(quantile(adaptive.delay, 0.9)),
    medianDelayFixedMs: Math.round(quantile(fixed.delay, 0.5)),
  };
}

describe("adaptive poll schedule vs fixed 5 s polling", () => {
  it.each(VIDEO_MODELS)("%s: ≤ ¼ of the polls, median detection ≤ 2.5 s (learned plan)", (model) => {
    const r = simulate(model, true);
    console.log(JSON.stringify(r));
    expect(r.ratio).toBeLessThanOrEqual(0.25);
    expect(r.medianDelayMs).toBeLessThanOrEqual(2500);
  });

  it.each(VIDEO_MODELS)("%s: cold start (published range as the prior) meets the learned plan's target", (model) => {
    const r = simulate(model, false);
    console.log(JSON.stringify(r));
    expect(r.ratio).toBeLessThanOrEqual(0.25);
    expect(r.medianDelayMs).toBeLessThanOrEqual(2500);
  });

  it("is a pure function of elapsed time, increasing, and ends at the 15 min ceiling", () => {
    const plan = { expectedMs: 150_000, spreadMs: 5_000, timeScale: 1 };
    const offsets = [...pollOffsets(plan)];
    for (let i = 1; i < offsets.length; i++) expect(offsets[i]).toBeGreaterThan(offsets[i - 1] ?? 0);
    expect(offsets.at(-1)).toBeLessThan(15 * 60_000);
    expect(offsets.at(-1)).toBeGreaterThan(14 * 60_000);
    expect(nextPollOffset(0, plan)).toBe(offsets[0]);
    expect(nextPollOffset(offsets[3] ?? 0, plan)).toBe(offsets[4]);
    expect(nextPollOffset(15 * 60_000, plan)).toBeNull();
    // Once the clip is late (past E + 2·S) it is still polled at least every 30 s.
    const late = offsets.filter((t) => t >= 160_000);
    for (let i = 1; i < late.length; i++) expect((late[i] ?? 0) - (late[i - 1] ?? 0)).toBeLessThanOrEqual(30_000 + 1e-6);
  });
});
