// P4's memory probe, run in a fresh process so the figure is the download code's own footprint and
// not the bench's leftover garbage: one warm-up download (modules loaded, JIT warm), then `n`
// concurrent re-host downloads (fetchToFile) while RSS is sampled every 5 ms.
//   node --conditions=react-server --import tsx bench/harness/rss-probe.ts <url> <origin> <dir> <n> <out.json>
import fs from "node:fs";
import path from "node:path";
import { fetchToFile, mediaPolicy } from "@/lib/server/net/fetch-to-file";

const MAX_BYTES = 300 * 2 ** 20;

async function main(): Promise<void> {
  const [url, origin, dir, n, out] = process.argv.slice(2);
  if (!url || !origin || !dir || !n || !out) throw new Error("usage: rss-probe.ts <url> <origin> <dir> <n> <out.json>");
  const policy = { ...mediaPolicy([origin]), maxBytes: MAX_BYTES };
  const file = (i: number) => path.join(dir, `rss-${i}.bin`);
  await fetchToFile(url, file(0), policy);
  fs.rmSync(file(0), { force: true });
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  try {
    await Promise.all(Array.from({ length: Number(n) }, (_, i) => fetchToFile(url, file(i), policy)));
  } finally {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage.rss());
    for (let i = 0; i < Number(n); i++) fs.rmSync(file(i), { force: true });
  }
  fs.writeFileSync(out, JSON.stringify({ base, peak }));
}

main().catch((e: unknown) => {
  process.stderr.write(`rss-probe: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
