import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/tests/support/simulator-fixtures";

// Wiring: with no BIGMODEL_API_KEY the process starts one in-process simulator (real renderer) and
// the ordinary client talks to it over HTTP; with a key it would talk to BigModel.

const saved = { ...process.env };
let renderCache = "";
beforeAll(() => {
  delete process.env.BIGMODEL_API_KEY;
  process.env.DATA_DIR = tempDir("upstream-wiring");
  renderCache = tempDir("upstream-wiring-renders");
  process.env.SIMULATOR_RENDER_CACHE_DIR = renderCache;
  process.env.SIMULATOR_SPEED = "100000";
});
afterAll(async () => {
  const { closeUpstream } = await import("@/lib/server/bigmodel/upstream");
  await closeUpstream();
  process.env = saved;
});

describe("getUpstream without a key", () => {
  it("starts the simulator once and round-trips a text clip", async () => {
    const { getUpstream, upstreamMode, mediaOriginsFrom } = await import("@/lib/server/bigmodel/upstream");
    expect(upstreamMode()).toBe("simulator");
    const [a, b] = await Promise.all([getUpstream(), getUpstream()]);
    expect(a).toBe(b);
    expect(a.mode).toBe("simulator");
    expect(a.mediaOrigins[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const task = await a.client.createVideoTask({ model: "viduq1-text", prompt: "你好，世界", aspect_ratio: "9:16" });
    let status = "PROCESSING";
    let url = "";
    for (let i = 0; i < 120 && status === "PROCESSING"; i++) {
      await new Promise((ok) => setTimeout(ok, 250));
      const r = await a.client.getTaskResult(task.id);
      status = r.task_status;
      url = r.video_result?.[0]?.url ?? "";
    }
    expect(status).toBe("SUCCESS");
    expect(url.startsWith(a.mediaOrigins[0] ?? "?")).toBe(true);
    // The clip was rendered into SIMULATOR_RENDER_CACHE_DIR, not into the data folder.
    expect(fs.readdirSync(renderCache).filter((n) => /^[0-9a-f]{64}\.mp4$/.test(n))).toHaveLength(1);
    expect(fs.existsSync(path.join(process.env.DATA_DIR ?? "", "simulator", "renders"))).toBe(false);
    expect(mediaOriginsFrom("aigc-files.bigmodel.cn, http://127.0.0.1:4010,")).toEqual([
      "https://aigc-files.bigmodel.cn",
      "http://127.0.0.1:4010",
    ]);
  });
});
