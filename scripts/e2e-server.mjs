#!/usr/bin/env node
/* global clearTimeout */
// Serves the production build for the e2e suite on a fresh, throw-away data directory.
//   node scripts/e2e-server.mjs <port>
// E2E_DATABASE_URL: file:… is used as is; postgres(ql)://… (a local server) gets a fresh database
// framehouse_e2e_<port>_<time> created for this run and dropped on exit (leftovers of a killed run on
// the same port are dropped at the next start). E2E_STORAGE=s3 starts s3rver (scripts/s3rver.mjs)
// in the data directory and points the app at it. On SIGTERM/SIGINT the app is stopped first, then
// s3rver and the database go.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { e2eRenderCache } from "./lib/test-render-caches.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = process.argv[2] ?? "3200";
const dataDir = path.join(root, "data", `e2e-${port}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

const log = (msg) => console.error(`[e2e-server ${port}] ${msg}`);
const cleanups = [];
let app;

function adminClient(url) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`refusing a non-local e2e database host ${host}`);
  return new pg.Client({ connectionString: url });
}

/** A fresh PostgreSQL database for this run; returns its URL. */
async function freshDatabase(baseUrl) {
  const prefix = `framehouse_e2e_${port}_`;
  const name = `${prefix}${Date.now().toString(36)}`;
  const admin = adminClient(baseUrl);
  await admin.connect();
  const stale = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
  for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const a = adminClient(baseUrl);
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await a.end();
    log(`dropped database ${name}`);
  });
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  log(`database ${name}`);
  return u.toString();
}

/** Starts s3rver on a free port; returns the app's S3_* settings. */
async function startS3rver() {
  const bucket = "framehouse-e2e";
  const child = spawn(
    process.execPath,
    [path.join(root, "scripts/s3rver.mjs"), "--port", "0", "--dir", path.join(dataDir, "s3rver"), "--bucket", bucket],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = new Promise((ok) => child.once("exit", ok));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  });
  const endpoint = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("s3rver did not start within 15 s")), 15_000);
    child.once("exit", (code) => reject(new Error(`s3rver exited early with ${code}`)));
    createInterface({ input: child.stdout }).once("line", (line) => {
      clearTimeout(timer);
      resolve(JSON.parse(line).endpoint);
    });
  });
  log(`s3rver ${endpoint}`);
  return {
    STORAGE_DRIVER: "s3",
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
}

/** The e2e SMTP sink's port: E2E_SMTP_PORT, else the app's port + 1000 (tests/e2e/helpers.ts: e2eSmtpPort). */
function e2eSmtpPort() {
  return Number(process.env.E2E_SMTP_PORT || Number(port) + 1000);
}

let closing = false;
async function shutdown(code) {
  if (closing) return;
  closing = true;
  if (app && app.exitCode === null && app.signalCode === null) {
    const exited = new Promise((ok) => app.once("exit", ok));
    app.kill("SIGTERM");
    const killer = setTimeout(() => app.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killer);
  }
  for (const cleanup of cleanups.reverse()) await cleanup().catch((err) => log(`cleanup failed: ${err.message}`));
  process.exit(code);
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => void shutdown(0));

try {
  const dbUrl = process.env.E2E_DATABASE_URL || "";
  const databaseUrl = /^postgres(ql)?:\/\//.test(dbUrl) ? await freshDatabase(dbUrl) : dbUrl || `file:${path.join(dataDir, "framehouse.db")}`;
  const storage = process.env.E2E_STORAGE === "s3" ? await startS3rver() : {};
  if (closing) process.exit(0);
  app = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      ...storage,
      PORT: port,
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      NEXT_TELEMETRY_DISABLED: "1",
      SIMULATOR_SPEED: process.env.SIMULATOR_SPEED || "200",
      // The simulator's clips outlive this run's data folder: the specs ask for the same clips each run
      // (uniquePrompt in tests/e2e/studio-helpers.ts), so only a clip no earlier run asked for is
      // rendered. Shards beside each other share the folder (the renderer writes each clip once, by
      // rename). Deleting the folder is safe at any time: the next run renders again. The e2e global
      // setup sweeps the clips no run asked for in a week (scripts/lib/test-render-caches.mjs).
      SIMULATOR_RENDER_CACHE_DIR: e2eRenderCache(),
      // "Forgot password?" is on: mail goes to the SMTP sink a spec starts on this port when it needs
      // one (tests/support/smtp-sink.ts, same login); with none listening a send fails and is logged.
      SMTP_URL: `smtp://framehouse:sink-password-0123@127.0.0.1:${e2eSmtpPort()}`,
      MAIL_FROM: "Framehouse e2e <studio@example.test>",
      // The specs sign up many accounts through the API; the invite-only default has its own tests.
      REGISTRATION: process.env.REGISTRATION || "open",
    },
  });
  app.on("exit", (code, signal) => void shutdown(code ?? (signal ? 1 : 0)));
} catch (err) {
  log(`failed to start: ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
}
