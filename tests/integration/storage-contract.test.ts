// One behavioural suite, two drivers: local disk and S3 (s3rver in a child process).
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createStorage } from "@/lib/server/storage/create-storage";
import type { Storage } from "@/lib/server/storage/storage";
import { startS3rver, type S3rverHandle } from "../support/s3rver";
import { storageContract } from "../support/storage-contract";

let localRoot: string;
let local: Storage;
let s3: S3rverHandle;
let s3Storage: Storage;

beforeAll(async () => {
  localRoot = await mkdtemp(path.join(os.tmpdir(), "fh-contract-"));
  local = createStorage({ driver: "local", rootDir: localRoot });
  s3 = await startS3rver();
  s3Storage = createStorage(s3.config);
});
afterAll(async () => {
  await s3?.stop();
  if (localRoot) await rm(localRoot, { recursive: true, force: true });
});

storageContract("local", () => ({
  storage: local,
  leftovers: async () => (existsSync(path.join(localRoot, "tmp")) ? (await readdir(path.join(localRoot, "tmp"))).length : 0),
}));
storageContract("s3 (s3rver)", () => ({
  storage: s3Storage,
  skipConcurrentSameKey: "s3rver 3.7.1 writes objects in place, so same-key writers interleave (S3/MinIO: last writer wins)",
}));
