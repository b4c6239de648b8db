// Runs P1–P6, H1, F1, F2, S1 and S2 side by side in one process run, owns every server they need (started here, stopped
// in `finally`, checked with ps afterwards), and renders the summary table for bench/results.md.
// A suite that throws becomes a MISS row with its error, so one failure never hides the others.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TEST_SECRET } from "../../tests/support/route-env";
import { p1Rows } from "../p1-submit";
import { p2LiveRows, p2ModelRows } from "../p2-polling";
import { p3Rows } from "../p3-success-to-stored";
import { p4Rows } from "../p4-rehost";
import { p5Rows, seedMediaClip } from "../p5-media";
import { p6Rows } from "../p6-queue";
import { h1Rows } from "../h1-hash-flood";
import { f1Rows } from "../f1-film-render";
import { f2Rows } from "../f2-generate-missing";
import { s1Rows } from "../s1-script-breakdown";
import { s2Rows } from "../s2-call-lanes";
import { type FirstScreen, measureFirstScreen } from "../gallery-first-screen";
import type { BuiltApp } from "./build";
import { recordStep } from "./steps";
import { startAppServer, startStandaloneSimulator, type AppServer, type StandaloneSimulator } from "./app-server";
import { withKeptSections } from "./kept-sections";
import { startNginx, type Nginx } from "./nginx";
import { runPipeline } from "./pipeline-run";
import { leftovers, startedGroups, stopAll } from "./processes";
import { type BenchRow, formatConsole, formatTable, machineInfo, machineLine, type MachineInfo } from "./report";

export interface PerfResult {
  rows: BenchRow[];
  notes: string[];
  machine: MachineInfo;
  loadAfter: string;
  wallMs: number;
  /** G1's first-screen measurement (runs on the same production server as P1/P5); null if skipped or failed. */
  firstScreen: FirstScreen | null;
  firstScreenError?: string;
}

async function attempt(id: string, rows: BenchRow[], notes: string[], f: () => Promise<BenchRow[]>, label = id): Promise<void> {
  const t0 = Date.now();
  try {
    rows.push(...(await f()));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    console.error(`${id} failed: ${msg}`);
    rows.push({ id, figure: "suite failed", measured: "error", target: "—", verdict: "MISS", conditions: msg.split("\n")[0]?.slice(0, 200) ?? "" });
    notes.push(`${id} error: ${msg.slice(0, 1500)}`);
  }
  recordStep(label, Date.now() - t0);
}

export async function runPerfSuites(opts: { quick: boolean; build: BuiltApp | null; firstScreen: boolean; only?: string[] }): Promise<PerfResult> {
  const { quick } = opts;
  let firstScreen: FirstScreen | null = null;
  let firstScreenError: string | undefined;
  // env() is read once per process and G1 runs after us in this process, signing its cookies with
  // the test secret: make that the secret env() sees, whoever reads it first.
  Object.assign(process.env, { AUTH_SECRET: process.env.AUTH_SECRET ?? TEST_SECRET, NODE_ENV: process.env.NODE_ENV ?? "test" });
  const want = (id: string) => !opts.only || opts.only.includes(id);
  const started = Date.now();
  const machine = machineInfo();
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "framehouse-bench-"));
  let app: AppServer | undefined;
  let sim: StandaloneSimulator | undefined;
  let nginx: Nginx | undefined;
  try {
    if (want("P2")) {
      console.error("P2: poll schedule model…");
      await attempt("P2", rows, notes, async () => p2ModelRows(quick).rows, "P2 poll-schedule model");
    }
    if (want("P6") || want("P3")) {
      // Generation time compresses, ffmpeg and DB work don't: a lower factor is closer to production.
      const [clips, speed] = quick ? [10, 50] : [50, 25];
      console.error(`P6/P3: backlog of ${clips} clips, cap 5, time ÷${speed}…`);
      await attempt("P6", rows, notes, async () => {
        const run = await runPipeline({ clips, speed, cap: 5, workerConcurrency: 4, timeoutMs: quick ? 60_000 : 300_000 });
        return [...p6Rows(run), ...p3Rows(run), ...p2LiveRows(run)];
      }, "P6/P3/P2-live pipeline backlog run");
    }
    if (want("P1") || want("P5") || want("P4")) {
      console.error("starting the app server, the standalone simulator and nginx…");
      const appDir = path.join(root, "app");
      fs.mkdirSync(appDir, { recursive: true });
      const t0 = Date.now();
      try {
        if (!opts.build) throw new Error("no production build (the build step failed)");
        [app, sim, nginx] = await Promise.all([startAppServer(opts.build.dir, appDir, 50, { SERVER_TIMING: "1" }), startStandaloneSimulator(path.join(root, "sim")), startNginx(appDir)]);
      } catch (e) {
        for (const id of ["P1", "P5", "P4"].filter(want)) await attempt(id, rows, notes, () => Promise.reject(e));
        if (opts.firstScreen) firstScreenError = e instanceof Error ? e.message.split("\n")[0] : String(e);
      }
      recordStep("start app server + simulator + nginx", Date.now() - t0);
    }
    if (app && sim && nginx) {
      const [a, s, n, appDir] = [app, sim, nginx, app.dataDir];
      if (want("P1")) {
        console.error("P1: 50 users submitting, app vs simulator…");
        await attempt("P1", rows, notes, async () => {
          const r = await p1Rows(a, s, quick);
          if (r.note) notes.push(r.note);
          return r.rows;
        }, "P1 submit, app vs simulator");
      }
      if (want("P5")) {
        console.error("P5: 20 seeking clients, signed media URLs through nginx secure_link and the Node route vs nginx…");
        const buildDir = opts.build?.dir ?? "";
        await attempt("P5", rows, notes, async () => p5Rows(a, n.origin, await seedMediaClip(a), quick, buildDir), "P5 Range serving: nginx secure_link, Node route, nginx");
      }
      if (want("P4")) {
        console.error("P4: re-host downloads vs raw…");
        await attempt("P4", rows, notes, () => p4Rows(appDir, n.origin, path.join(root, "p4-scratch"), quick), "P4 re-host download vs raw");
      }
      if (opts.firstScreen) {
        console.error("G1: first gallery screen in Chromium…");
        const t0 = Date.now();
        try {
          firstScreen = await measureFirstScreen(a, 100);
        } catch (e) {
          firstScreenError = e instanceof Error ? e.message : String(e);
          console.error(`G1 first screen failed: ${firstScreenError}`);
          notes.push(`G1 first screen error: ${firstScreenError.slice(0, 1500)}`);
        }
        recordStep("G1 first screen (Chromium)", Date.now() - t0);
      }
    }
    if (want("H1")) {
      console.error("H1: anonymous sign-in flood vs upload reads…");
      await attempt("H1", rows, notes, async () => {
        if (!opts.build) throw new Error("no production build (the build step failed)");
        return h1Rows(opts.build.dir, path.join(root, "h1"), quick);
      }, "H1 hash flood vs upload reads");
    }
    if (want("F1")) {
      console.error("F1: film export, renderCut vs a hand-written ffmpeg command…");
      await attempt("F1", rows, notes, () => f1Rows(quick, path.join(root, "f1")), "F1 film export vs hand-written ffmpeg");
    }
    if (want("F2")) {
      console.error("F2: generate missing shots, 12 shots with 3 chained, against the simulator's cap…");
      await attempt("F2", rows, notes, () => f2Rows(quick), "F2 generate missing shots vs the ideal schedule");
    }
    if (want("S1")) {
      console.error("S1: script breakdown of 3,000 characters, app vs the bare simulator…");
      await attempt("S1", rows, notes, () => s1Rows(quick), "S1 script breakdown, app vs simulator");
    }
    if (want("S2")) {
      console.error("S2: still and speech backlogs against their lane caps…");
      await attempt("S2", rows, notes, () => s2Rows(quick), "S2 still + speech lanes under a backlog");
    }
  } finally {
    const t0 = Date.now();
    await Promise.all([app?.stop(), sim?.stop(), nginx?.stop()]);
    await stopAll();
    fs.rmSync(root, { recursive: true, force: true });
    recordStep("stop servers", Date.now() - t0);
  }
  const left = leftovers(startedGroups);
  if (left.length) notes.push(`Processes left running after the bench (a bug): ${left.join("; ")}`);
  else notes.push(`Process check: all ${startedGroups.length} process groups the bench started are gone (ps, zombies aside).`);
  const order = ["P1", "P2", "P3", "P4", "P5", "P6", "H1", "F1", "F2", "S1", "S2"];
  rows.sort((x, y) => order.indexOf(x.id) - order.indexOf(y.id));
  return { rows, notes, machine, loadAfter: machineInfo().loadAvg, wallMs: Date.now() - started, firstScreen, firstScreenError };
}

export function perfMarkdown(r: PerfResult, extraRows: BenchRow[] = []): string {
  return `## Summary: every figure against its target

Machine: ${machineLine(r.machine)}. Load average (1/5/15 min) at the start of P1–P6 ${r.machine.loadAvg}, at the end ${r.loadAfter}.
This 2-core machine is shared with other engineers (their test suites may run at the same time), so every figure
below was measured under whatever background load those averages show (P1–P6 + G1 first screen took ${(r.wallMs / 1000).toFixed(0)} s).

${formatTable([...r.rows, ...extraRows])}

${r.notes.map((n) => `- ${n}`).join("\n")}
`;
}

export function perfConsole(r: PerfResult, extraRows: BenchRow[] = []): string {
  return formatConsole([...r.rows, ...extraRows]);
}

/** Writes the P1–P6 part on its own at once, so a later failure (G1) can't lose these figures; `kept`: T1 and targeted runs' sections. */
export function writePerfResults(quick: boolean, r: PerfResult, kept: readonly string[]): void {
  const file = path.join(import.meta.dirname, "..", quick ? "results-quick.md" : "results.md");
  fs.writeFileSync(file, withKeptSections(`# Benchmarks${quick ? " (quick)" : ""}: P1–P6 (written before G1 runs; replaced by the full table when G1 finishes)\n\n${perfMarkdown(r)}`, kept));
  console.error(perfConsole(r));
}
