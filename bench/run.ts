// npm run bench  (node --conditions=react-server --import tsx bench/run.ts [--quick])
// Runs P1–P6 (bench/harness/suites.ts) and the gallery benchmark (G1), prints a table and writes bench/results.md.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureFirstScreen } from "./gallery-first-screen";
import { type LatencyRow, measureLatency, queryPlans } from "./gallery";
import { galleryRows } from "./harness/gallery-rows";
import { perfMarkdown, runPerfSuites, writePerfResults } from "./harness/suites";

const quick = process.argv.includes("--quick");
const sizes = quick ? [1_000, 5_000] : [10_000, 100_000];
const perCombo = quick ? 20 : 30; // × 10 combinations ≥ 200 requests per size
const pgUrl = process.env.TEST_POSTGRES_URL;
const P95_TARGET_MS = 50;
const FIRST_SCREEN_TARGET = 1024 * 1024;

// P1–P6 first (bench/harness/suites.ts): they start and stop their own servers; written at once.
const perf = await runPerfSuites({ quick });
writePerfResults(quick, perf);

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

const ms = (n: number) => n.toFixed(1);
const rows: LatencyRow[] = [];
const providers: ("sqlite" | "postgresql")[] = pgReachable() ? ["sqlite", "postgresql"] : ["sqlite"];
for (const provider of providers) {
  for (const n of sizes) {
    console.error(`latency: ${provider}, ${n} clips…`);
    rows.push(...(await measureLatency(provider, n, perCombo)));
  }
}
const plans = (await Promise.all(providers.map((p) => queryPlans(p)))).flat();
console.error("first screen: building the page in Chromium…");
const first = process.argv.includes("--no-browser") ? null : await measureFirstScreen(100);

const table = [
  "| provider | clips | filter | requests | p50 ms | p95 ms | max ms |",
  "|---|---:|---|---:|---:|---:|---:|",
  ...rows.map((r) => `| ${r.provider} | ${r.clips} | ${r.combo} | ${r.requests} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.max)} |`),
].join("\n");
const worst = rows.filter((r) => r.provider === "sqlite" && r.clips === Math.max(...sizes) && r.combo === "ALL")[0];
const firstLine = first
  ? `First gallery screen (1280×900, cold cache, ${first.clips} clips seeded): **${(first.bytes / 1024).toFixed(0)} KiB** in ${first.requests} responses (${Object.entries(first.byType).map(([k, v]) => `${k} ${(v / 1024).toFixed(0)} KiB`).join(", ")}); pipeline poster ≈ ${(first.posterBytes / 1024).toFixed(0)} KiB each. Target ≤ 1024 KiB: ${first.bytes <= FIRST_SCREEN_TARGET ? "met" : "NOT met"}.`
  : "First screen: skipped (--no-browser).";
const versions = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../package.json"), "utf8")) as { dependencies: Record<string, string> };
const md = `# Benchmarks${quick ? " (quick)" : ""}

${perfMarkdown(perf, galleryRows({ rows, first, p95TargetMs: P95_TARGET_MS, firstScreenTarget: FIRST_SCREEN_TARGET }))}
## G1 gallery benchmark (details)

Date: ${new Date().toISOString()} · machine: ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()} · Node ${process.version} · Next ${versions.dependencies.next} · Prisma ${versions.dependencies["@prisma/client"]} · better-sqlite3 ${versions.dependencies["better-sqlite3"]}${providers.includes("postgresql") ? " · PostgreSQL (local)" : ""}

First-page latency of \`GET /api/generations?limit=24&…\` through the real route handler (session cookie
decoded, actor loaded, filters parsed, query, views with favourites/tags/creator), ${perCombo} requests per
filter after a warm-up, data seeded by \`tests/support/seed-generations.ts\` over 10 users (each user owns a tenth).

${table}

p95 at ${Math.max(...sizes)} clips on SQLite, all filters: **${worst ? ms(worst.p95) : "?"} ms** (target ≤ ${P95_TARGET_MS} ms: ${worst && worst.p95 <= P95_TARGET_MS ? "met" : "NOT met"}).

${firstLine}

Query plans:
${plans.map((p) => `- ${p}`).join("\n")}
`;
console.log(md);
if (!quick) fs.writeFileSync(path.join(import.meta.dirname, "results.md"), md);
else fs.writeFileSync(path.join(import.meta.dirname, "results-quick.md"), md);
