// Result rows and their markdown rendering. Every figure is printed next to its target with a
// verdict, so a miss is as visible as a pass.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type Verdict = "PASS" | "MISS" | "n/a";

export interface BenchRow {
  /** Suite id: P1…P6, G1. */
  id: string;
  figure: string;
  measured: string;
  target: string;
  verdict: Verdict;
  /** What the figure was measured against / under (baseline values, load, sample size). */
  conditions: string;
}

export function verdict(ok: boolean | null | undefined): Verdict {
  if (ok === null || ok === undefined) return "n/a";
  return ok ? "PASS" : "MISS";
}

/** ≤ / ≥ checks that treat NaN (a figure that could not be measured) as a miss, not a pass. */
export const atMost = (value: number, limit: number): Verdict => verdict(Number.isFinite(value) ? value <= limit : false);
export const atLeast = (value: number, limit: number): Verdict => verdict(Number.isFinite(value) ? value >= limit : false);

export const fmtMs = (ms: number, digits = 1) => (Number.isFinite(ms) ? `${ms.toFixed(digits)} ms` : "—");
export const fmtRatio = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "—");
export const fmtMiB = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 2 ** 20).toFixed(1)} MiB` : "—");
export const fmtRate = (bytesPerSec: number) => (Number.isFinite(bytesPerSec) ? `${(bytesPerSec / 2 ** 20).toFixed(0)} MiB/s` : "—");

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** A GitHub-flavoured markdown table of the rows, in the order given. */
export function formatTable(rows: readonly BenchRow[]): string {
  return [
    "| id | figure | measured | target | verdict | measured against / under |",
    "|---|---|---:|---|---|---|",
    ...rows.map((r) => `| ${[r.id, r.figure, r.measured, r.target, `**${r.verdict}**`, r.conditions].map(cell).join(" | ")} |`),
  ].join("\n");
}

/** Plain-text version for the terminal: fixed-width columns. */
export function formatConsole(rows: readonly BenchRow[]): string {
  const cols: (keyof BenchRow)[] = ["id", "figure", "measured", "target", "verdict"];
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(width[i] ?? 0)).join("  ");
  return [line(cols), ...rows.map((r) => line(cols.map((c) => r[c])))].join("\n");
}

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memGiB: number;
  os: string;
  node: string;
  next: string;
  prisma: string;
  loadAvg: string;
}

function installedVersion(pkg: string): string {
  try {
    const file = path.join(import.meta.dirname, "../../node_modules", pkg, "package.json");
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string }).version ?? "?";
  } catch {
    return "?";
  }
}

export function machineInfo(): MachineInfo {
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? "?",
    cores: os.cpus().length,
    memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.platform()} ${os.release()}`,
    node: process.version,
    next: installedVersion("next"),
    prisma: installedVersion("@prisma/client"),
    loadAvg: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" / "),
  };
}

export function machineLine(m: MachineInfo): string {
  return `${m.date} · ${m.cpu} × ${m.cores} cores, ${m.memGiB} GiB · ${m.os} · Node ${m.node} · Next ${m.next} · Prisma ${m.prisma}`;
}
