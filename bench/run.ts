// npm run bench  (node --conditions=react-server --import tsx bench/run.ts [--quick] [--no-browser] [--only=H1,P5])
// Builds (or reuses) the production build in a private snapshot (harness/build.ts), runs P1–P6
// (bench/harness/suites.ts) and the gallery benchmark (G1), prints a table and writes
// bench/results.md (--quick: bench/results-quick.md, reduced sizes, said so in the table).
// --only=<ids>: just those suites of P1–P6/H1/F1/F2/S1/S2/G1 (G1: first-page latency, not the first screen), printed and (unless --quick) written to
// bench/results.md as a section of their own that replaces the previous run of the same ids, nothing
// else touched (harness/kept-sections.ts; a full run keeps those sections and T1);
// the production build is skipped when none of them serves the app (--only=F1, F2, P2, P3, P6, S1, S2).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type LatencyRow, measureLatency } from "./gallery";
import { type BuiltApp, ensureBuild } from "./harness/build";
import { galleryRows, latencyRows } from "./harness/gallery-rows";
import { keptSections, targetedHeading, upsertTargeted, withKeptSections } from "./harness/kept-sections";
import { METHOD_NOTES } from "./harness/method-notes";
import { formatTable, machineInfo, machineLine } from "./harness/report";
import { stepsMarkdown, timedStep } from "./harness/steps";
import { perfConsole, perfMarkdown, runPerfSuites, writePerfResults } from "./harness/suites";
import { browserPackages, ensureSystemDeps } from "@/scripts/lib/system-deps.mjs";

const started = Date.now();
const quick = process.argv.includes("--quick");
const noBrowser = process.argv.includes("--no-browser");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",").filter(Boolean);
const pgUrl = process.env.TEST_POSTGRES_URL;
const P95_TARGET_MS = 50;
const resultsFile = path.join(import.meta.dirname, quick ? "results-quick.md" : "results.md");
// T1 and the targeted runs' sections are not measured by a full run: read them before anything writes the file.
const keptAtStart = fs.existsSync(resultsFile) ? keptSections(fs.readFileSync(resultsFile, "utf8")) : [];
const FIRST_SCREEN_TARGET = 1024 * 1024;

function pgReachable(): boolean {
  if (pgUrl) return true;
  try {
    execFileSync("pg_isready", ["-q", "-h", "127.0.0.1", "-p", "5432"]);
    process.env.TEST_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
    return true;
  } catch {
    return false;
  }
}

// G1 sizes: the issue's 10,000 and 100,000 clips on both providers; --quick: 10,000 on SQLite only.
const sizes = quick ? [10_000] : [10_000, 100_000];
const perCombo = quick ? 10 : 30; // × 10 filter combinations per size
const providers: ("sqlite" | "postgresql")[] = quick ? ["sqlite"] : pgReachable() ? ["sqlite", "postgresql"] : ["sqlite"];
const mode = quick
  ? `**--quick run (reduced, not the issue's figures):** G1 at ${sizes.map((n) => n.toLocaleString("en")).join(", ")} clips on ${providers.join(" + ")} only, ${perCombo} requests per filter; P1 2×100 requests per side; P2 model 500 clips/model; P6/P3 10 clips at time ÷50; P4 50 MB only, 2 repetitions; P5 2×2.5 s per side; F1 12 shots trimmed to 2 s, x264 veryfast, 2 A/B pairs; F2 time ÷50 (full: ÷5).`
  : `Full run: G1 at ${sizes.map((n) => n.toLocaleString("en")).join(" and ")} clips on ${providers.join(" and ")}${providers.includes("postgresql") ? "" : " (PostgreSQL not reachable: skipped)"}, ${perCombo} requests per filter.`;
console.error(mode.replace(/\*\*/g, ""));

const APP_SUITES = ["P1", "P4", "P5", "H1"];
const needsBuild = !only || only.some((id) => APP_SUITES.includes(id));
let build: BuiltApp | null = null;
let buildError = needsBuild ? "" : "not needed";
if (needsBuild) await timedStep("build: production build in a private snapshot", () => {
  try {
    build = ensureBuild();
  } catch (e) {
    buildError = e instanceof Error ? e.message : String(e);
    console.error(`build failed: ${buildError}`);
  }
});
const b = build as BuiltApp | null;
const buildLine = b
  ? `Production build: ${b.cached ? "reused from the bench's build cache" : `built for this run in ${(b.buildMs / 1000).toFixed(1)} s`} (snapshot ${b.hash} of ${b.source}; \`${b.dir}\`, keyed by a hash of the sources, never ./.next).`
  : needsBuild
    ? `Production build: FAILED (${buildError.split("\n")[0]}), so P1, P4, P5 and the first screen could not run.`
    : `Production build: not needed for ${only?.join(", ")}.`;

/** G1's first-page latency at every size on every provider (a fresh, bulk-seeded database each). */
async function g1Latency(): Promise<{ rows: LatencyRow[]; plans: string[]; seeds: string[]; errors: string[] }> {
  const out = { rows: [] as LatencyRow[], plans: [] as string[], seeds: [] as string[], errors: [] as string[] };
  for (const provider of providers) {
    for (const n of sizes) {
      console.error(`G1 latency: ${provider}, ${n} clips…`);
      await timedStep(`G1 ${provider} ${n.toLocaleString("en")} clips: migrate + bulk seed + ${perCombo * 10} requests`, async () => {
        try {
          const run = await measureLatency(provider, n, perCombo, n === Math.max(...sizes));
          out.rows.push(...run.rows);
          out.plans.push(...run.plans);
          out.seeds.push(`${provider} ${n.toLocaleString("en")}: ${run.seed.rows.toLocaleString("en")} rows in ${(run.seed.ms / 1000).toFixed(1)} s`);
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          console.error(`G1 ${provider} ${n} failed: ${msg}`);
          out.errors.push(`G1 ${provider} ${n} error: ${msg.slice(0, 1500)}`);
        }
      });
    }
  }
  return out;
}

// P1–P6 (and G1's first screen, on the same production server): they start and stop their own servers.
if (only) {
  const perf = await runPerfSuites({ quick, build: b, firstScreen: false, only });
  // G1 alone (--only=G1): its first-page latency rows; the first screen needs the full run's browser step.
  const g1 = only.includes("G1") ? await g1Latency() : null;
  const g1Rows = g1 ? latencyRows(g1.rows, P95_TARGET_MS) : [];
  const notes = [...perf.notes, ...(g1 ? [...g1.errors, `G1 seeding: ${g1.seeds.join("; ") || "—"}`] : [])];
  const [loadAfter, wallS] = [machineInfo().loadAvg, ((Date.now() - started) / 1000).toFixed(0)];
  console.log(`\n${buildLine}\n\n${perfConsole(perf, g1Rows)}\n${[...perf.rows, ...g1Rows].map((r) => `- ${r.id}: ${r.conditions}`).join("\n")}\n${notes.map((n) => `- ${n}`).join("\n")}\n`);
  console.log(stepsMarkdown(Date.now() - started));
  if (!quick) {
    const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`;
    const methods = only.map((id) => METHOD_NOTES[id]).filter(Boolean);
    const section = `${targetedHeading(only)}, ${perf.machine.date.slice(0, 16).replace("T", " ")} UTC; \`${command}\`)

Not part of the full run above. Machine: ${machineLine(perf.machine)}. Load average (1/5/15 min) at the start ${perf.machine.loadAvg},
at the end ${loadAfter} (the 2-core machine is shared: other sessions' suites ran at the same time); ${wallS} s.

${formatTable([...perf.rows, ...g1Rows])}

${[...methods, ...notes].map((n) => `- ${n}`).join("\n")}
`;
    fs.writeFileSync(resultsFile, upsertTargeted(fs.existsSync(resultsFile) ? fs.readFileSync(resultsFile, "utf8") : "# Benchmarks\n", only, section));
    console.error(`wrote the ${only.join(", ")} section of bench/results.md`);
  }
  process.exit(0);
}
// G1's first screen drives the e2e suite's browser: installed here like `npm test` does, unless another is named.
if (!noBrowser) ensureSystemDeps(browserPackages());
const perf = await runPerfSuites({ quick, build: b, firstScreen: !noBrowser });
writePerfResults(quick, perf, keptAtStart);

const ms = (n: number) => n.toFixed(1);
const { rows, plans, seeds, errors: gErrors } = await g1Latency();

const first = perf.firstScreen;
const g1Rows = galleryRows({ rows, first, p95TargetMs: P95_TARGET_MS, firstScreenTarget: FIRST_SCREEN_TARGET, skipped: noBrowser ? "--no-browser" : (perf.firstScreenError ?? "not run") });
const table = [
  "| provider | clips | filter | requests | p50 ms | p95 ms | max ms |",
  "|---|---:|---|---:|---:|---:|---:|",
  ...rows.map((r) => `| ${r.provider} | ${r.clips} | ${r.combo} | ${r.requests} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} |`),
].join("\n");
const firstLine = first
  ? `First gallery screen (Chromium, ${1280}×${900}, cold cache, ${first.clips} clips seeded, ${first.postersOnScreen} posters in the viewport): **${(first.bytes / 1024).toFixed(0)} KiB** on the wire in ${first.requests} responses (${Object.entries(first.byType)
      .sort((x, y) => y[1] - x[1])
      .map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KiB`)
      .join(", ")}); pipeline poster ≈ ${(first.posterBytes / 1024).toFixed(0)} KiB each; ${first.failed} failed, ${first.open} still streaming at the end (an SSE stream: its bytes so far are counted). Target ≤ 1024 KiB: ${first.bytes <= FIRST_SCREEN_TARGET ? "met" : "NOT met"}.`
  : `First screen: not measured (${noBrowser ? "--no-browser" : (perf.firstScreenError ?? "?")}).`;
const loadEnd = machineInfo().loadAvg;
const totalMs = Date.now() - started;
const md = `# Benchmarks${quick ? " (quick)" : ""}

${mode}

${buildLine}

${perfMarkdown({ ...perf, notes: [...perf.notes, ...gErrors] }, g1Rows)}
## Where the time went

${stepsMarkdown(totalMs)}

Load average (1/5/15 min) at the end of the run: ${loadEnd}.

## G1 gallery benchmark (details)

Date: ${new Date().toISOString()} · machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()} · Node ${process.version}${providers.includes("postgresql") ? " · PostgreSQL (local)" : ""}

First-page latency of \`GET /api/generations?limit=24&…\` through the real route handler in-process (session cookie
decoded, actor loaded, filters parsed, query, views with favourites/tags/creator), ${perCombo} requests per
filter after a warm-up (5 per filter). Data: the rows \`tests/support/seed-generations.ts\` generates (10 users, each owns a tenth;
same generator and seed), written with multi-row INSERTs in one transaction per database (\`bench/harness/bulk-seed.ts\`)
instead of Prisma createMany batches; a fresh, migrated database per size, nothing cached between runs.
Seeding: ${seeds.join("; ") || "—"}.

${table}

${firstLine}

Query plans (on the largest seeded database):
${plans.map((p) => `- ${p}`).join("\n")}
`;
console.log(`\n${mode.replace(/\*\*/g, "")}\n\n${perfConsole(perf, g1Rows)}\n`);
console.log(stepsMarkdown(totalMs));
fs.writeFileSync(resultsFile, withKeptSections(md, keptAtStart));
console.error(`\nwrote bench/${quick ? "results-quick.md" : "results.md"} in ${(totalMs / 1000).toFixed(0)} s total`);
