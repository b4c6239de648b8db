// fetchToFile: the worker's download of a result video into its scratch file. Bytes, sha256 and the
// first bytes must match what was served exactly, whatever the chunking (writes are batched and
// overlapped with reading); a cut-off body must fail, never leave a "complete" file.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchToFile, mediaPolicy } from "@/lib/server/net/fetch-to-file";

const BODY = randomBytes(5 * 1024 * 1024 + 123);
let server: http.Server;
let origin: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fetch-to-file-"));

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const cut = req.url === "/cut.mp4";
    res.writeHead(200, { "content-type": "video/mp4", "content-length": String(BODY.length) });
    // Odd-sized chunks with pauses: batching must not depend on chunk boundaries.
    for (let off = 0; off < BODY.length; off += 7_001) {
      if (cut && off > BODY.length / 2) {
        res.destroy();
        return;
      }
      if (!res.write(BODY.subarray(off, off + 7_001))) await new Promise((r) => res.once("drain", r));
    }
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("fetchToFile", () => {
  it("writes exactly the served bytes with their sha256 and head", async () => {
    const out = path.join(dir, "video.mp4");
    const got = await fetchToFile(`${origin}/video.mp4`, out, { ...mediaPolicy([origin]), maxBytes: 50 * 1024 * 1024 });
    expect(got.bytes).toBe(BODY.length);
    expect(got.sha256).toBe(createHash("sha256").update(BODY).digest("hex"));
    expect(got.head.equals(BODY.subarray(0, 16))).toBe(true);
    expect(fs.readFileSync(out).equals(BODY)).toBe(true);
  });

  it("fails on a body cut off half way", async () => {
    await expect(fetchToFile(`${origin}/cut.mp4`, path.join(dir, "cut.mp4"), { ...mediaPolicy([origin]), maxBytes: 50 * 1024 * 1024 })).rejects.toThrow(
      /ECONNRESET|terminated|aborted|premature/i,
    );
  });

  it("fails when the body exceeds maxBytes", async () => {
    await expect(fetchToFile(`${origin}/video.mp4`, path.join(dir, "big.mp4"), { ...mediaPolicy([origin]), maxBytes: 1024 * 1024 })).rejects.toThrow(
      /exceeds 1048576/,
    );
  });
});
