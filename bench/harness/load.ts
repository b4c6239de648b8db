// Runs one load spec in a separate process (load-client.ts) and returns its measurements.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { LoadResult, LoadSpec } from "./load-spec";
import { spawnManaged } from "./processes";

const CLIENT = path.join(import.meta.dirname, "load-client.ts");

/** Spawns the load generator, kills it after `maxMs`, and reads its result file. */
export async function runLoad(spec: LoadSpec, maxMs: number): Promise<LoadResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-load-"));
  const file = path.join(dir, "spec.json");
  fs.writeFileSync(file, JSON.stringify(spec));
  const proc = spawnManaged("load-client", process.execPath, ["--import", "tsx", CLIENT, file], { cwd: path.join(import.meta.dirname, "../..") });
  try {
    const exit = new Promise<number | null>((resolve) => proc.child.once("exit", (code) => resolve(code)));
    const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), maxMs).unref());
    const outcome = await Promise.race([exit, timer]);
    if (outcome === "timeout") throw new Error(`load generator exceeded ${maxMs} ms`);
    const out = `${file}.result.json`;
    if (outcome !== 0 || !fs.existsSync(out)) throw new Error(`load generator failed (exit ${outcome}):\n${proc.output().slice(-3000)}`);
    return JSON.parse(fs.readFileSync(out, "utf8")) as LoadResult;
  } finally {
    await proc.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
