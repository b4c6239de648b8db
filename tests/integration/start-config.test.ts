import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("npm start refuses a bad configuration", () => {
  it.each([
    ["PRICE_FEN", "two yuan"],
    ["DATABASE_URL", "mysql://db/x"],
    ["REGISTRATION", "sometimes"],
  ])("%s=%s stops the start with a message naming the variable", (name, value) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "framehouse-start-"));
    const r = spawnSync(process.execPath, [path.join(root, "scripts/start.mjs")], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, PORT: "3999", DATABASE_URL: `file:${dataDir}/x.db`, [name]: value },
      encoding: "utf8",
      timeout: 60_000,
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${name}:`);
    expect(r.stderr).toContain("Invalid configuration");
  });
});
