#!/usr/bin/env node
// npm start: load .env files, make sure AUTH_SECRET exists (generated once, kept under DATA_DIR),
// validate the configuration, apply database migrations, then serve the built app (scripts/server.mjs).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { runOrExit, supervise } from "./lib/run.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
process.env.NODE_ENV = "production";
nextEnv.loadEnvConfig(root, false);

const dataDir = path.resolve(root, process.env.DATA_DIR || "./data");
fs.mkdirSync(dataDir, { recursive: true });
if (!process.env.AUTH_SECRET) {
  const file = path.join(dataDir, ".auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
process.env.NEXTAUTH_URL ||= `http://localhost:${process.env.PORT || 3000}`;

const node = process.execPath;
runOrExit(node, ["--conditions=react-server", "--import", "tsx", "scripts/check-env.ts"]);
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build found: run `npm run build` first (or `npm run studio`, which builds when needed).");
  process.exit(1);
}
runOrExit(node, ["scripts/prisma-migrate.mjs", "deploy"]);
supervise(node, ["scripts/server.mjs"]);
