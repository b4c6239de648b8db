#!/usr/bin/env node
// Local S3-compatible server for development and e2e runs (STORAGE_DRIVER=s3 without a cloud).
//   node scripts/s3rver.mjs [--port 4569] [--address 127.0.0.1] [--dir ./data/s3rver] [--bucket framehouse]
// --port 0 picks a free port. Prints one JSON line {"ready":true,"endpoint":...,"port":...,"bucket":...}
// on stdout when the bucket exists (tests wait for it), then serves until SIGINT/SIGTERM.
// Credentials are s3rver's fixed pair: S3_ACCESS_KEY_ID=S3RVER S3_SECRET_ACCESS_KEY=S3RVER.
// Not for production: no auth beyond that pair, no ListMultipartUploads/AbortMultipartUpload.
// Presigned GETs (query-string SigV4) have their signature checked (lib/s3rver-sigv4.mjs): s3rver
// itself only checks their expiry.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import S3rver from "s3rver";
import { verifyPresignedSigV4 } from "./lib/s3rver-sigv4.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4569" },
    address: { type: "string", default: "127.0.0.1" },
    dir: { type: "string", default: "./data/s3rver" },
    bucket: { type: "string", default: "framehouse" },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`s3rver: invalid --port ${values.port}`);
  process.exit(2);
}
const directory = path.resolve(values.dir);
fs.mkdirSync(directory, { recursive: true });

const server = new S3rver({
  port,
  address: values.address,
  directory,
  silent: true,
  configureBuckets: [{ name: values.bucket, configs: [] }],
});
// Koa composes its middleware list when the server starts listening: this runs before s3rver's own.
server.middleware.unshift(verifyPresignedSigV4({ S3RVER: "S3RVER" }));
const info = await server.run();
const endpoint = `http://${values.address}:${info.port}`;
process.stdout.write(`${JSON.stringify({ ready: true, endpoint, port: info.port, bucket: values.bucket, directory })}\n`);

let closing = false;
const stop = async () => {
  if (closing) return;
  closing = true;
  await server.close().catch(() => undefined);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
