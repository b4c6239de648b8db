import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import { TEST_NODE_FLAGS } from "@/tests/support/test-node-flags";
import { spawnWorker } from "@/tests/support/worker-process";

// `npm run worker` with a database it cannot use at all fails its start with the cause and exit 1
// (the service manager restarts it), instead of a runner that logs and retries every poll forever —
// which is how a worker with a driver built for another Node.js hid for an hour in a test run.

let dir: string;
let sim: RunningSimulator;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-worker-start-"));
  sim = await startSimulator({ stateDir: path.join(dir, "sim"), cacheDir: path.join(dir, "sim-cache") });
});
afterAll(async () => {
  await sim?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("worker start-up", () => {
  it.each([
    ["its bundle", false],
    ["npm run worker", true],
  ])("exits 1 naming the cause when the database cannot be opened (%s)", async (_, viaNpm) => {
    const missing = path.join(dir, "no-such-directory", "studio.db");
    const worker = spawnWorker({ databaseUrl: `file:${missing}`, dataDir: path.join(dir, "data"), sim, timeScale: 1, viaNpm });
    // The exit itself is the condition: no fixed wait (the test's timeout is the deadline for a hang).
    expect(await worker.exited).toBe("1");
    expect(worker.output()).toMatch(/worker failed to start: the database did not answer: .+/);
    expect(fs.existsSync(missing)).toBe(false);
    // The bundle runs on the node a test runs on, with the tests' V8 flags (npm's own start has none).
    if (!viaNpm) expect(worker.child.spawnargs).toEqual(expect.arrayContaining([...TEST_NODE_FLAGS]));
  });
});
