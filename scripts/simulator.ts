// Standalone upstream simulator: `npm run simulator`. Prints its base URL and a demo key, serves
// until SIGINT/SIGTERM. Configured by SIMULATOR_* and DATA_DIR (see lib/server/env.ts); tasks and
// the demo key persist under $DATA_DIR/simulator-standalone so a restart keeps them.
// Run as `node --conditions=react-server --import tsx scripts/simulator.ts` so that `server-only`
// resolves to its empty react-server build.
import path from "node:path";
import { env } from "@/lib/server/env";
import { startSimulator } from "@/lib/simulator/server";

async function main(): Promise<void> {
  const e = env();
  const stateDir = path.resolve(e.DATA_DIR, "simulator-standalone");
  const sim = await startSimulator({
    host: "127.0.0.1",
    port: e.SIMULATOR_PORT,
    stateDir,
    speed: e.SIMULATOR_SPEED,
    failRate: e.SIMULATOR_FAIL_RATE,
    concurrency: e.SIMULATOR_CONCURRENCY,
    urlTtlSeconds: e.SIMULATOR_URL_TTL_SECONDS,
  });
  const key = sim.keys[0] ?? "";
  process.stdout.write(
    [
      `BigModel simulator listening on ${sim.url}`,
      `  base URL : ${sim.baseUrl}`,
      `  demo key : ${key}`,
      `  state    : ${stateDir}`,
      `  speed ×${e.SIMULATOR_SPEED}, cap ${e.SIMULATOR_CONCURRENCY}/model, fail rate ${e.SIMULATOR_FAIL_RATE}`,
      "",
      `  curl -s ${sim.baseUrl}/videos/generations -H "Authorization: Bearer ${key}" -H "Content-Type: application/json" \\`,
      `    -d '{"model":"viduq1-text","style":"anime","prompt":"Peter Rabbit drives a small car along the road, his face filled with joy and happiness.","duration":5,"aspect_ratio":"16:9","size":"1920x1080","movement_amplitude":"auto"}'`,
      `  curl -s ${sim.baseUrl}/async-result/<id> -H "Authorization: Bearer ${key}"`,
      "",
    ].join("\n"),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping simulator\n`);
    void sim.close().then(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  process.stderr.write(`simulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
