// Where the server's time went, from the Server-Timing headers the app answers with when it runs with
// SERVER_TIMING=1 (lib/server/spans.ts): per span its median and p99 over every request, and the mean
// of each span over the slowest 1 % (the tail) next to the typical request (the middle half), so the
// span that grows in the tail stands out. "outside" is the client's latency minus the server's
// "pre" + "route": the socket and the load generator's own queue.
import { mean, percentile } from "./stats";
import type { TargetResult } from "./load-spec";

function parse(header: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of header.split(",")) {
    const m = /^\s*([\w.-]+)\s*;\s*dur=([\d.]+)/.exec(part);
    if (m?.[1] && m[2]) out.set(m[1], Number(m[2]));
  }
  return out;
}

const fmt = (ms: number) => (Number.isFinite(ms) ? (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)) : "–");

/** One line per span: "name median/p99 ms; tail mean vs middle mean", or null without headers. */
export function serverTimingBreakdown(r: TargetResult): string | null {
  const rows = r.latencies.map((total, i) => ({ total, spans: parse(r.serverTiming[i] ?? "") })).filter((x) => x.spans.size > 0);
  if (rows.length === 0) return null;
  for (const row of rows) row.spans.set("outside", Math.max(0, row.total - (row.spans.get("pre") ?? 0) - (row.spans.get("route") ?? 0)));
  const names: string[] = [];
  for (const row of rows) for (const name of row.spans.keys()) if (!names.includes(name)) names.push(name);
  const byTotal = [...rows].sort((a, b) => a.total - b.total);
  const tail = byTotal.slice(Math.floor(byTotal.length * 0.99));
  const middle = byTotal.slice(Math.floor(byTotal.length * 0.25), Math.ceil(byTotal.length * 0.75));
  const of = (set: typeof rows, name: string) => set.map((x) => x.spans.get(name) ?? 0);
  const parts = names.map((name) => {
    const all = of(rows, name);
    return `${name} ${fmt(percentile(all, 0.5))}/${fmt(percentile(all, 0.99))} (tail ${fmt(mean(of(tail, name)))} vs middle ${fmt(mean(of(middle, name)))})`;
  });
  return `${rows.length} requests, ms median/p99 per span, and mean over the slowest ${tail.length} (tail, total ≥ ${fmt(tail[0]?.total ?? NaN)} ms) vs the middle half: ${parts.join("; ")}`;
}
