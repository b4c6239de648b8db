// Wall time of every bench step, printed as it ends and written to the results, so a slow run shows
// where its minutes went.
import os from "node:os";

interface StepTime {
  step: string;
  ms: number;
  /** 1-minute load average when the step ended (the machine is shared). */
  load: number;
}

const stepTimes: StepTime[] = [];

export function recordStep(step: string, ms: number): void {
  const load = os.loadavg()[0] ?? NaN;
  stepTimes.push({ step, ms, load });
  console.error(`  [step] ${step}: ${(ms / 1000).toFixed(1)} s (load ${load.toFixed(2)})`);
}

export async function timedStep<T>(step: string, f: () => Promise<T> | T): Promise<T> {
  const t0 = Date.now();
  try {
    return await f();
  } finally {
    recordStep(step, Date.now() - t0);
  }
}

export function stepsMarkdown(totalMs: number): string {
  return [
    "| step | wall time | load (1 min) at its end |",
    "|---|---:|---:|",
    ...stepTimes.map((s) => `| ${s.step} | ${(s.ms / 1000).toFixed(1)} s | ${s.load.toFixed(2)} |`),
    `| **total (npm run bench, process start → results written)** | **${(totalMs / 1000).toFixed(1)} s** | ${(os.loadavg()[0] ?? NaN).toFixed(2)} |`,
  ].join("\n");
}
