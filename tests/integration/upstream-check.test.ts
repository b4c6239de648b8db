import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runUpstreamCheck } from "@/lib/server/bigmodel/upstream-check";
import { knownRepeatBehaviour, readUpstreamFacts, writeUpstreamFacts } from "@/lib/server/bigmodel/upstream-facts-store";
import { startSimulator, type RunningSimulator } from "@/lib/simulator/server";
import type { RepeatRequestIdBehaviour } from "@/lib/shared/upstream/upstream-facts";
import { VIDEO_MODELS } from "@/lib/shared/upstream/video-models";
import { childBaseEnv } from "@/tests/support/child-env";
import { exampleImageFetcher } from "@/tests/support/placeholder-image";
import { fakeRender } from "@/tests/support/simulator-fixtures";
import { createTestDb, type TestDb } from "@/tests/support/test-db";

// upstream:check against the simulator under each repeat-request_id switch: without --spend it prints
// a full report and the simulator's ledger shows no accept; with --spend it pays for exactly one clip
// (two only where the platform bills a repeat, which is what it reports), learns the behaviour, the
// result host and the timing, and the findings are stored where the worker reads them.

let sim: RunningSimulator;
let testDb: TestDb;

beforeAll(async () => {
  sim = await startSimulator({ speed: 1000, render: fakeRender, fetchImage: exampleImageFetcher });
  testDb = await createTestDb("sqlite");
});
afterAll(async () => {
  await sim.close();
  await testDb.drop();
});

async function check(spend: boolean) {
  const lines: string[] = [];
  const before = sim.control.stats().totalAccepts;
  const facts = await runUpstreamCheck({
    baseUrl: sim.baseUrl,
    apiKey: sim.keys[0] ?? "",
    upstream: "simulator",
    spend,
    priceFen: 250,
    out: (l) => lines.push(l),
    pollEveryMs: 50,
  });
  return { facts, lines, accepts: sim.control.stats().totalAccepts - before };
}

describe("upstream:check against the simulator", () => {
  it("without --spend: a full report, every model probed, nothing accepted (nothing paid)", async () => {
    const { facts, lines, accepts } = await check(false);
    expect(accepts).toBe(0);
    expect(facts.key).toMatchObject({ ok: true, httpStatus: 400, code: "1213" });
    expect(Object.keys(facts.models).sort()).toEqual([...VIDEO_MODELS].sort());
    for (const model of VIDEO_MODELS) {
      for (const [name, p] of Object.entries(facts.models[model] ?? {})) expect([name, p.ok, p.httpStatus], `${model} ${name}`).toEqual([name, false, 400]);
      expect(facts.models[model]?.["nulls+bad-enum"]?.code).toBe("1214"); // nulls are not what is refused
    }
    expect(facts.models["viduq1-text"]?.["missing-prompt"]?.code).toBe("1213");
    expect(facts).toMatchObject({ repeatRequestId: "unknown", spentClips: 0, resultHosts: [], generationSeconds: null });
    expect(lines.join("\n")).toMatch(/repeat request_id: unknown/);
    expect(lines.length).toBeGreaterThanOrEqual(2 + 4 * VIDEO_MODELS.length);
  });

  it.each<[RepeatRequestIdBehaviour, number]>([
    ["refused", 1],
    ["same", 1],
    ["accepted", 2],
  ])("--spend with the platform answering a repeat %s: learns it, pays for %i clip(s)", async (behaviour, clips) => {
    sim.control.set({ repeatRequestId: behaviour });
    const { facts, lines, accepts } = await check(true);
    expect(accepts).toBe(clips);
    expect(facts.spentClips).toBe(clips);
    expect(facts.repeatRequestId).toBe(behaviour);
    expect(facts.resultHosts).toEqual([new URL(sim.url).host]);
    expect(facts.generationSeconds).not.toBeNull();
    expect(lines.findIndex((l) => l.includes("2.50 yuan"))).toBeLessThan(lines.findIndex((l) => l.startsWith("repeat request_id")));
    await writeUpstreamFacts(testDb.client, facts);
    expect(await knownRepeatBehaviour(testDb.client)).toBe(behaviour);
    sim.control.set({ repeatRequestId: "refused" });
  });

  it("the script prints the report and stores the findings (no --spend: still no accept)", async () => {
    const before = sim.control.stats().totalAccepts;
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/upstream-check.ts"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...childBaseEnv(), NODE_ENV: "test", DATABASE_URL: testDb.url, BIGMODEL_API_KEY: sim.keys[0], BIGMODEL_BASE_URL: sim.baseUrl, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((ok) => child.once("exit", ok));
    expect(code, out).toBe(0);
    expect(out).toMatch(/key: accepted/);
    expect(out).toMatch(/viduq1-start-end missing-image: HTTP 400 1213/);
    expect(out).toMatch(/stored: repeat request_id unknown, 0 paid clip/);
    expect(sim.control.stats().totalAccepts).toBe(before);
    expect((await readUpstreamFacts(testDb.client))?.repeatRequestId).toBe("unknown");
  }, 120_000);
});
