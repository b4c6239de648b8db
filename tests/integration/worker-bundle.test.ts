import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildWorkerBundle } from "@/scripts/lib/worker-bundle.mjs";

// The worker's bundle (scripts/lib/worker-bundle.mjs), which `npm run worker` and the tests' worker
// children run: named by its contents, written once, old ones cleaned up, and a folder it cannot write
// to named in the error. That the bundle runs as the worker is what every crash suite shows
// (tests/support/worker-process.ts starts it), and worker-start.test.ts starts it through `npm run worker`.

const root = path.resolve(import.meta.dirname, "../..");
const DAY_MS = 24 * 3600 * 1000;
let dir: string;

afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the worker's bundle", () => {
  it("is one module and its source map, named by a hash of the contents, built twice to the same file", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-worker-bundle-"));
    const first = buildWorkerBundle(root, { outdir: dir });
    expect(path.basename(first)).toMatch(/^worker-[A-Z0-9]{8}\.mjs$/);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(first), `${path.basename(first)}.map`]);
    const code = fs.readFileSync(first, "utf8");
    // Our code is inside (the runner's claim), the packages are not (Node loads them from node_modules).
    expect(code).toContain("worker failed to start");
    expect(code).toMatch(/from "@prisma\/client\/runtime\/[^"]+"/);
    expect(code).not.toContain("node_modules/");
    expect(code.trimEnd().endsWith(`//# sourceMappingURL=${path.basename(first)}.map`)).toBe(true);
    const written = fs.statSync(first).ino;
    expect(buildWorkerBundle(root, { outdir: dir })).toBe(first);
    expect(fs.statSync(first).ino).toBe(written); // not rewritten: a running worker's file stays as it is
  });

  it("removes bundles of older code a day after they were last built, and keeps younger ones", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-worker-bundle-"));
    const now = new Date();
    const old = path.join(dir, "worker-OLDOLD00.mjs");
    const young = path.join(dir, "worker-YOUNG000.mjs");
    fs.writeFileSync(old, "old");
    fs.writeFileSync(young, "young");
    fs.utimesSync(old, new Date(now.getTime() - DAY_MS - 60_000), new Date(now.getTime() - DAY_MS - 60_000));
    fs.utimesSync(young, new Date(now.getTime() - DAY_MS + 60_000), new Date(now.getTime() - DAY_MS + 60_000));
    const current = buildWorkerBundle(root, { outdir: dir, now });
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(young)).toBe(true);
    expect(fs.existsSync(current)).toBe(true);
    expect(Math.abs(fs.statSync(current).mtimeMs - now.getTime())).toBeLessThan(1);
  });

  it("names the folder it cannot write to", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "fh-worker-bundle-"));
    const blocked = path.join(dir, "a-file");
    fs.writeFileSync(blocked, "not a folder");
    expect(() => buildWorkerBundle(root, { outdir: path.join(blocked, "bundles") })).toThrow(
      new RegExp(`cannot write the worker's bundle to ${blocked}/bundles \\(ENOTDIR\\): run it as the user that owns the checkout`),
    );
  });
});
