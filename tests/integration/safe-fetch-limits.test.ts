import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { createServer as createNetServer, type Server as NetServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { connect as tlsConnect } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachPeerGuard } from "@/lib/server/net/guarded-connect";
import { safeDownload, type SafeDownloadOptions } from "@/lib/server/net/safe-fetch";
import { SafeFetchError } from "@/lib/server/net/safe-fetch-error";
import { downloadToStorage } from "@/lib/server/storage/download-to-storage";
import { createLocalStorage } from "@/lib/server/storage/local-storage";

// Byte caps (including lying Content-Length), stall/total timeouts, abort, TLS, and the
// stream-into-storage helper, against local servers configured as trusted allowOrigins.

const payload = randomBytes(256 * 1024);
let http: Server;
let H = 0;
let raw: NetServer;
let R = 0;
const openSockets = new Set<Socket>();
const work = mkdtempSync(path.join(os.tmpdir(), "fh-safefetch-"));

function rawResponse(path: string, sock: Socket): void {
  const head = (h: string) => sock.write(`HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\n${h}\r\n`);
  switch (path) {
    case "/lying-short": // claims 100 bytes, sends 50,000: the parser must stop at 100
      head("content-length: 100\r\n");
      sock.end(randomBytes(50_000));
      return;
    case "/truncated": // claims 5,000, sends 100 and hangs up
      head("content-length: 5000\r\n");
      sock.end(randomBytes(100));
      return;
    case "/close-delimited-big": // no length at all, 50,000 bytes until close
      head("connection: close\r\n");
      sock.end(randomBytes(50_000));
      return;
    default:
      sock.end("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
  }
}

beforeAll(async () => {
  http = createHttpServer((req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    switch (u.pathname) {
      case "/ok":
        res.writeHead(200, { "content-type": "video/mp4", "content-length": payload.length });
        res.end(payload);
        return;
      case "/chunked-big": // no Content-Length: the cap must trip mid-stream
        res.writeHead(200, { "content-type": "video/mp4" });
        for (let i = 0; i < 20; i++) res.write(randomBytes(1000));
        res.end();
        return;
      case "/declared-big":
        res.writeHead(200, { "content-length": 50_000 });
        res.end(randomBytes(50_000));
        return;
      case "/no-headers": // accepts and never answers
        return;
      case "/stall-body":
        res.writeHead(200, { "content-length": 10_000 });
        res.write(randomBytes(100));
        return;
      case "/trickle": {
        res.writeHead(200, { "content-length": 1_000_000 });
        const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(randomBytes(10))), 50);
        return;
      }
      case "/gone":
        res.writeHead(Number(u.searchParams.get("s") ?? 404));
        res.end("expired");
        return;
      default:
        res.writeHead(500).end();
    }
  });
  http.on("connection", (s) => {
    openSockets.add(s);
    s.on("close", () => openSockets.delete(s));
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  H = (http.address() as AddressInfo).port;

  raw = createNetServer((sock) => {
    openSockets.add(sock);
    sock.on("close", () => openSockets.delete(sock));
    sock.on("error", () => undefined);
    sock.once("data", (d) => rawResponse(d.toString().split(" ")[1] ?? "/", sock));
  });
  await new Promise<void>((r) => raw.listen(0, "127.0.0.1", r));
  R = (raw.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const s of openSockets) s.destroy();
  await new Promise((r) => http.close(r));
  await new Promise((r) => raw.close(r));
  rmSync(work, { recursive: true, force: true });
});

const opts = (o: Partial<SafeDownloadOptions> = {}): SafeDownloadOptions => ({
  allowHosts: [],
  allowOrigins: [`http://127.0.0.1:${H}`, `http://127.0.0.1:${R}`],
  maxBytes: 1_000_000,
  timeoutMs: 5_000,
  connectTimeoutMs: 1_000,
  idleTimeoutMs: 2_000,
  maxRedirects: 3,
  ...o,
});

async function drain(url: string, o: SafeDownloadOptions): Promise<Buffer> {
  const r = await safeDownload(url, o);
  const chunks: Buffer[] = [];
  for await (const c of r.body) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return e instanceof SafeFetchError ? e.code : `untyped: ${String(e)}`;
  }
}

describe("safeDownload limits", () => {
  it("downloads a body intact with headers and length", async () => {
    const r = await safeDownload(`http://127.0.0.1:${H}/ok`, opts());
    expect(r.status).toBe(200);
    expect(r.contentLength).toBe(payload.length);
    expect(r.headers["content-type"]).toBe("video/mp4");
    const chunks: Buffer[] = [];
    for await (const c of r.body) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(payload)).toBe(true);
  });

  it("byte cap: declared too large fails before reading; undeclared too large fails mid-stream", async () => {
    expect(await codeOf(safeDownload(`http://127.0.0.1:${H}/declared-big`, opts({ maxBytes: 1000 })))).toBe("too_large");
    expect(await codeOf(drain(`http://127.0.0.1:${H}/chunked-big`, opts({ maxBytes: 5000 })))).toBe("too_large");
    expect(await codeOf(drain(`http://127.0.0.1:${R}/close-delimited-big`, opts({ maxBytes: 5000 })))).toBe("too_large");
    expect((await drain(`http://127.0.0.1:${H}/chunked-big`, opts({ maxBytes: 20_000 }))).length).toBe(20_000);
  });

  it("lying Content-Length: never more bytes than declared (and never above the cap); short bodies are errors", async () => {
    const body = await drain(`http://127.0.0.1:${R}/lying-short`, opts({ maxBytes: 1000 }));
    expect(body.length).toBe(100);
    expect(await codeOf(drain(`http://127.0.0.1:${R}/truncated`, opts()))).toBe("network");
  });

  it("stalls and slow drips hit the idle and total deadlines", async () => {
    let t0 = Date.now();
    expect(await codeOf(safeDownload(`http://127.0.0.1:${H}/no-headers`, opts({ idleTimeoutMs: 300 })))).toBe("timeout");
    expect(Date.now() - t0).toBeLessThan(2_000);
    t0 = Date.now();
    expect(await codeOf(drain(`http://127.0.0.1:${H}/stall-body`, opts({ idleTimeoutMs: 300 })))).toBe("timeout");
    expect(Date.now() - t0).toBeLessThan(2_000);
    t0 = Date.now();
    expect(await codeOf(drain(`http://127.0.0.1:${H}/trickle`, opts({ idleTimeoutMs: 300, timeoutMs: 800 })))).toBe(
      "timeout",
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(700);
    expect(Date.now() - t0).toBeLessThan(2_500);
  });

  it("a deadline that fires before the caller starts reading is reported on read, not as a crash", async () => {
    const r = await safeDownload(`http://127.0.0.1:${H}/stall-body`, opts({ idleTimeoutMs: 200 }));
    await new Promise((res) => setTimeout(res, 500));
    const read = async () => {
      for await (const _ of r.body) void _;
    };
    expect(await codeOf(read())).toBe("timeout");
  });

  it("the caller's AbortSignal cancels with code aborted", async () => {
    const ac = new AbortController();
    const p = drain(`http://127.0.0.1:${H}/trickle`, opts({ signal: ac.signal }));
    setTimeout(() => ac.abort(), 150);
    expect(await codeOf(p)).toBe("aborted");
    const pre = new AbortController();
    pre.abort();
    expect(await codeOf(safeDownload(`http://127.0.0.1:${H}/ok`, opts({ signal: pre.signal })))).toBe("aborted");
  });

  it("non-2xx is http_status with the status, for EXPIRED mapping", async () => {
    for (const s of [403, 404, 410, 500]) {
      const e = await safeDownload(`http://127.0.0.1:${H}/gone?s=${s}`, opts()).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(SafeFetchError);
      expect(e).toMatchObject({ code: "http_status", status: s });
    }
  });

  it("refused connections are network errors", async () => {
    const dead = createNetServer();
    await new Promise<void>((r) => dead.listen(0, "127.0.0.1", r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise((r) => dead.close(r));
    const o = opts({ allowOrigins: [`http://127.0.0.1:${port}`] });
    expect(await codeOf(safeDownload(`http://127.0.0.1:${port}/`, o))).toBe("network");
  });
});

describe("downloadToStorage", () => {
  it("streams into an atomic put with matching sha256, and stores nothing on failure", async () => {
    const storage = createLocalStorage(path.join(work, "media"));
    const r = await downloadToStorage(
      `http://127.0.0.1:${H}/ok`,
      { storage, key: "clips/dl1/video.mp4", contentType: "video/mp4" },
      opts(),
    );
    expect(r.bytes).toBe(payload.length);
    expect(r.sha256).toBe(createHash("sha256").update(payload).digest("hex"));
    expect(r.originContentType).toBe("video/mp4");
    for (const [url, code] of [
      [`http://127.0.0.1:${H}/chunked-big`, "too_large"],
      [`http://127.0.0.1:${R}/truncated`, "network"],
      [`http://127.0.0.1:${H}/gone?s=410`, "http_status"],
    ] as const) {
      const e = await downloadToStorage(url, { storage, key: "clips/dl2/video.mp4", contentType: "video/mp4" }, opts({ maxBytes: 5000 })).catch((x: unknown) => x);
      expect(e).toMatchObject({ code });
      expect(await storage.stat("clips/dl2/video.mp4")).toBeNull();
    }
  });
});

describe("TLS", () => {
  let https: HttpsServer | undefined;
  let T = 0;
  let cert = "";
  let tlsBytes = 0;
  beforeAll(async () => {
    const dir = path.join(work, "tls");
    execFileSync("mkdir", ["-p", dir]);
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost", "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem"),
    ], { stdio: "ignore" });
    cert = readFileSync(path.join(dir, "cert.pem"), "utf8");
    https = createHttpsServer({ key: readFileSync(path.join(dir, "key.pem")), cert }, (_req, res) => res.end("tls-ok"));
    https.on("connection", (s: Socket) => s.on("data", (d) => (tlsBytes += d.length)));
    await new Promise<void>((r) => https?.listen(0, "127.0.0.1", r));
    T = (https.address() as AddressInfo).port;
  });
  afterAll(async () => {
    https?.closeAllConnections();
    await new Promise((r) => https?.close(r));
  });

  it("https to a trusted origin verifies the certificate (SNI = host name)", async () => {
    const o = opts({ allowOrigins: [`https://localhost:${T}`], ca: cert });
    expect((await drain(`https://localhost:${T}/`, o)).toString()).toBe("tls-ok");
    expect(await codeOf(safeDownload(`https://localhost:${T}/`, opts({ allowOrigins: [`https://localhost:${T}`] })))).toBe(
      "network", // self-signed without the CA
    );
  });

  it("the peer guard fires on a TLS socket before the ClientHello leaves", async () => {
    const before = tlsBytes;
    const sock = tlsConnect({ host: "127.0.0.1", port: T, servername: "localhost", ca: cert });
    attachPeerGuard(sock, false);
    const err = await new Promise<unknown>((resolve) => sock.once("error", resolve));
    expect(err).toMatchObject({ code: "blocked_address" });
    await new Promise((r) => setTimeout(r, 50));
    expect(tlsBytes).toBe(before);
  });
});
