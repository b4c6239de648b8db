import { afterEach, expect, it } from "vitest";
import { importTs } from "../../scripts/lib/import-ts.mjs";

// scripts/server.mjs loads two TypeScript modules through tsx before Next; tsx would leave source-map
// support on for the whole process, and Next's server chunks then had their .map files read and parsed
// at start-up (4.8 s instead of 3.0 s to a healthy server). importTs must leave the setting as it was.

const initial = process.sourceMapsEnabled;
afterEach(() => process.setSourceMapsEnabled(initial));

it("loads a TypeScript module and leaves source-map support off when it was off", async () => {
  process.setSourceMapsEnabled(false);
  const m = await importTs<typeof import("../../lib/shared/media-fast-path")>("../../lib/shared/media-fast-path.ts", import.meta.url);
  expect(typeof m.mediaFastPath).toBe("function");
  expect(process.sourceMapsEnabled).toBe(false);
});

it("leaves it on when the process had it on (node --enable-source-maps)", async () => {
  process.setSourceMapsEnabled(true);
  await importTs("../../lib/shared/request-gate.ts", import.meta.url);
  expect(process.sourceMapsEnabled).toBe(true);
});
