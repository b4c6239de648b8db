#!/usr/bin/env node
// The HTTP entry point: Next's request handler behind a plain node:http server, so the client IP
// handed to the app (login throttling, rate limits) comes from the socket, not from a header the
// client could forge, and the request gate (lib/shared/request-gate.ts) answers first for every path.
// Env was validated by scripts/start.mjs.
import http from "node:http";
import path from "node:path";
import next from "next";
import { importTs } from "./lib/import-ts.mjs";
import { requestListener } from "./lib/request-listener.mjs";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";
const trustProxy = ["1", "true", "yes"].includes(process.env.TRUST_PROXY ?? "");
// The gate is TypeScript shared with proxy.ts; tsx loads that one module (scoped, no global hooks).
// hashGateRefusal asks the hash gate's state, which Next's bundle publishes on globalThis.
const { requestGate, hashGateRefusal } = await importTs("../lib/shared/request-gate.ts", import.meta.url);
// Signed media URLs are answered before Next when its bundle has published the fast path (instrumentation.ts).
const { mediaFastPath } = await importTs("../lib/shared/media-fast-path.ts", import.meta.url);

const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer(requestListener({ handle, gate: requestGate(process.env), hashGate: hashGateRefusal, mediaFastPath, trustProxy }));
// Idle keep-alive connections stay open longer than a client keeps them for reuse: nginx's upstream
// keepalive (docs/deploy.md) holds them 60 s. With Node's default of 5 s the server closed a socket at
// the moment the client sent its next request on it, and that request failed (ECONNRESET; a 502 behind
// nginx; seen as a failed API read in an e2e run). The header timeout stays above it, as Node requires.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`Framehouse ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});

// Graceful shutdown: stop accepting connections, let the in-app worker finish or hand back its
// leased clips (lib/server/worker/in-app.ts registers it on globalThis), then exit. Open SSE streams
// would keep server.close() waiting forever, so they are cut once the worker is done.
let closing = false;
async function shutdown(signal) {
  if (closing) return;
  closing = true;
  console.log(JSON.stringify({ level: "info", msg: "server.shutdown", signal }));
  server.close();
  const worker = globalThis.__framehouseInAppWorker;
  const hardStop = setTimeout(() => process.exit(0), 20_000);
  hardStop.unref();
  try {
    await worker?.stop(15_000);
  } finally {
    server.closeAllConnections();
    process.exit(0);
  }
}
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => void shutdown(sig));
