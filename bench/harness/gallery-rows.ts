// G1 (G's gallery benchmark, bench/gallery.ts) as rows of the summary table: the first-page p95 over
// all filters at each size and provider, and the first-screen bytes. Only reads G's results.
import type { FirstScreen } from "../gallery-first-screen";
import type { LatencyRow } from "../gallery";
import { atMost, type BenchRow, fmtMs } from "./report";

/** The first-page p95 rows alone, one per provider and size (what `--only=G1` measures). */
export function latencyRows(rows: LatencyRow[], p95TargetMs: number): BenchRow[] {
  return rows
    .filter((r) => r.combo === "ALL")
    .map((r) => ({
      id: "G1",
      figure: `gallery first page p95, ${r.provider}, ${r.clips.toLocaleString("en")} clips`,
      measured: fmtMs(r.p95),
      target: `≤ ${p95TargetMs} ms`,
      verdict: atMost(r.p95, p95TargetMs),
      conditions: `route handler in-process, ${r.requests} requests over 10 filters; p50 ${fmtMs(r.p50)}, max ${fmtMs(r.max)}; bulk-seeded`,
    }));
}

export function galleryRows(input: { rows: LatencyRow[]; first: FirstScreen | null; p95TargetMs: number; firstScreenTarget: number; skipped?: string }): BenchRow[] {
  const out = latencyRows(input.rows, input.p95TargetMs);
  const f = input.first;
  out.push({
    id: "G1",
    figure: "first gallery screen bytes (Chromium, cold cache)",
    measured: f ? `${(f.bytes / 1024).toFixed(0)} KiB` : "not measured",
    target: `≤ ${(input.firstScreenTarget / 1024).toFixed(0)} KiB`,
    // A failed measurement is a miss (nothing shown to be within target); only an explicit skip is n/a.
    verdict: f ? atMost(f.bytes, input.firstScreenTarget) : input.skipped === "--no-browser" ? "n/a" : "MISS",
    conditions: f
      ? `HTML+JS+CSS+API+posters on the wire (CDP encodedDataLength): ${f.requests} responses, ${f.postersOnScreen} posters in the 1280×900 viewport, ${f.clips} clips seeded, production build`
      : (input.skipped ?? "skipped").split("\n")[0]!.slice(0, 200),
  });
  return out;
}
