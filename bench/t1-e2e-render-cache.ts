// T1 (test-suite wall time), one of its parts measured side by side: e2e spec files run with the
// simulator's render cache empty (every clip an ffmpeg render, as each run was before the e2e server kept
// the cache across runs) and with it filled by an earlier run of the same specs (what a run on a machine
// that ran them before gets). Each run is one `playwright test` of the files with the CPU of everything it
// started counted (bench/harness/playwright-cpu.ts). Rounds alternate the order, cold first then warm,
// warm first then cold, so a shared machine's load lands on both; the first round's cold run fills the
// cache the warm runs use, and each cold run has a new empty folder. Needs a production build and root.
//   node --import tsx bench/t1-e2e-render-cache.ts [rounds] [spec files…]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { requireBuild, runSpecsCounted } from "./harness/playwright-cpu";
import { alternatingRounds, sideBySideReport } from "./harness/side-by-side";

const rounds = Number(process.argv[2] ?? 2);
const specs = process.argv.slice(3).length ? process.argv.slice(3) : ["tests/e2e/studio.spec.ts", "tests/e2e/gallery.spec.ts", "tests/e2e/films.spec.ts"];
requireBuild();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-t1-e2e-renders-"));
const warmDir = path.join(dir, "warm");
const clips = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).filter((n) => /^[0-9a-f]{64}\.mp4$/.test(n)).length : 0);
try {
  // The warm folder is filled once, by a run of its own that is not counted.
  runSpecsCounted(specs, { SIMULATOR_RENDER_CACHE_DIR: warmDir }, "filling the cache");
  const filled = clips(warmDir);
  const runs = alternatingRounds(rounds, ["cold", "warm"], (side, round) => {
    const cache = side === "warm" ? warmDir : path.join(dir, `cold-${round}`);
    const r = runSpecsCounted(specs, { SIMULATOR_RENDER_CACHE_DIR: cache }, side);
    console.log(`round ${round + 1} ${side}: ${r.tests} tests, wall ${r.wall.toFixed(1)} s, CPU ${r.cpu.toFixed(1)} s, clips in its cache ${clips(cache)} (load ${os.loadavg()[0]!.toFixed(2)})`);
    return r;
  });
  const added = clips(warmDir) - filled;
  console.log(`\n${specs.join(" ")}: ${rounds} alternating rounds; the filled cache held ${filled} clips, and the warm runs added ${added}`);
  console.log(sideBySideReport("render cache", { label: "cold", name: "cold", runs: runs.cold }, { label: "warm", name: "warm", runs: runs.warm }));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
