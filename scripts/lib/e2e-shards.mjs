// The browser suite as shards side by side. Each shard is its own `playwright test --shard=i/n` with its
// own E2E_PORT, so its own e2e server, fresh database, signed-in owner, output folder and JSON report
// (playwright.config.ts): shards never see each other's data, and a spec that passes alone passes in
// any shard. Most of a browser test's time is waiting on the app, the simulator and ffmpeg, so two
// shards on two cores take far less than twice one's share. Every line a shard prints is prefixed.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** The port of shard i (0-based): 20 apart, clear of the PostgreSQL + S3 run's 3210 and the SMTP sinks at +1000. */
export function shardPort(basePort, i) {
  return basePort + 20 * i;
}

/**
 * Runs `count` shards at once; resolves when all have ended with one { shard, port, report, ok } each.
 * `report(i)` names shard i's JSON report file.
 */
export function runPlaywrightShards({ bin, root, env, count, basePort, report, args = [] }) {
  const runs = [];
  for (let i = 0; i < count; i++) {
    const port = shardPort(basePort, i);
    const file = report(i);
    const shard = `${i + 1}/${count}`;
    const child = spawn(bin, ["test", `--shard=${shard}`, ...args], {
      cwd: root,
      env: { ...env, E2E_PORT: String(port), E2E_REPORT: file },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => console.log(`[e2e ${shard}] ${line}`));
    }
    runs.push(
      new Promise((resolve) => {
        child.on("error", (err) => console.log(`[e2e ${shard}] could not start: ${err.message}`));
        child.on("close", (code) => resolve({ shard, port, report: file, ok: code === 0 }));
      }),
    );
  }
  return Promise.all(runs);
}
