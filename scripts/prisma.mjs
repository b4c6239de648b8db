#!/usr/bin/env node
// Offline-safe Prisma CLI wrapper.
//   node scripts/prisma.mjs generate   -> sync postgres schema from sqlite schema, generate BOTH clients
//   node scripts/prisma.mjs <any prisma args>  -> plain prisma CLI with the engine stub
// Without PRISMA_SCHEMA_ENGINE_BINARY the CLI tries to download the native schema engine from
// binaries.prisma.sh on every command (even --version/generate) and fails offline.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { createRequire } from "node:module";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "scripts/schema-engine-stub.sh");
process.env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";
const cli = require.resolve("prisma/build/index.js");
const run = (args) => {
  const r = spawnSync(process.execPath, [cli, ...args], { stdio: "inherit", cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

import { syncPostgresSchema } from "./prisma-schema-sync.mjs";

const args = process.argv.slice(2);
if (args[0] === "generate" && args.length === 1) {
  syncPostgresSchema();
  run(["generate", "--schema", "prisma/sqlite/schema.prisma"]);
  run(["generate", "--schema", "prisma/postgres/schema.prisma"]);
} else {
  run(args);
}
