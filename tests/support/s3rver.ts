// Starts scripts/s3rver.mjs in a child process on an ephemeral port with a temp directory, so the
// server's own memory and CPU stay out of the measurements of the driver under test.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { S3Client } from "@aws-sdk/client-s3";

// The SDK's documented switch for its "Node >= 22 from 2027" notice; it is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const root = path.resolve(import.meta.dirname, "../..");

export interface S3rverHandle {
  endpoint: string;
  bucket: string;
  directory: string;
  child: ChildProcess;
  config: {
    driver: "s3";
    bucket: string;
    region: string;
    endpoint: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: boolean;
  };
  client(): S3Client;
  stop(): Promise<void>;
}

export async function startS3rver(bucket = "framehouse-test"): Promise<S3rverHandle> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "fh-s3rver-"));
  const child = spawn(
    process.execPath,
    [path.join(root, "scripts/s3rver.mjs"), "--port", "0", "--dir", directory, "--bucket", bucket],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("s3rver did not start within 15 s")), 15_000);
    child.once("exit", (code) => reject(new Error(`s3rver exited early with ${code}`)));
    createInterface({ input: child.stdout! }).once("line", (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { endpoint: string }).endpoint);
    });
  });
  const config = {
    driver: "s3" as const,
    bucket,
    region: "us-east-1",
    endpoint,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  };
  return {
    endpoint,
    bucket,
    directory,
    child,
    config,
    client: () =>
      new S3Client({
        region: "us-east-1",
        endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
        requestChecksumCalculation: "WHEN_REQUIRED",
        responseChecksumValidation: "WHEN_REQUIRED",
      }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(directory, { recursive: true, force: true });
    },
  };
}
