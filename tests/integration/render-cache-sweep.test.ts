import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sweepRenderCache } from "@/lib/simulator/render/cache-sweep";

const KEY = "c".repeat(64);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "render-sweep-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function touch(name: string, ageMs: number, isDir = false) {
  const full = path.join(dir, name);
  if (isDir) await mkdir(full);
  else await writeFile(full, "x");
  const t = new Date(Date.now() - ageMs);
  await utimes(full, t, t);
}

describe("sweepRenderCache", () => {
  it("removes stale temp files and work dirs, keeps fresh ones, clips and foreign files", async () => {
    const hour = 3_600_000;
    await touch(`${KEY}.123-abcd.tmp.mp4`, 2 * hour);
    await touch(`${KEY}.123-abcd.tmp.jpg`, 2 * hour);
    await touch(".work-old", 2 * hour, true);
    await touch(".work-fresh", 1000, true);
    await touch(`${KEY}.mp4`, 48 * hour);
    await touch(`${KEY}.jpg`, 48 * hour);
    await touch("notes.txt", 48 * hour);
    const { removed } = await sweepRenderCache(dir);
    expect(removed.sort()).toEqual([".work-old", `${KEY}.123-abcd.tmp.jpg`, `${KEY}.123-abcd.tmp.mp4`]);
    expect((await readdir(dir)).sort()).toEqual([".work-fresh", `${KEY}.jpg`, `${KEY}.mp4`, "notes.txt"]);
  });

  it("removes old clips only when asked", async () => {
    await touch(`${KEY}.mp4`, 48 * 3_600_000);
    await touch(`${"d".repeat(64)}.mp4`, 1000);
    const { removed } = await sweepRenderCache(dir, { clipMaxAgeMs: 24 * 3_600_000 });
    expect(removed).toEqual([`${KEY}.mp4`]);
  });

  it("tolerates a missing cache dir", async () => {
    expect(await sweepRenderCache(path.join(dir, "nope"))).toEqual({ removed: [] });
  });
});
