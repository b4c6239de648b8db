import http from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createBigModelClient, requestTimeoutFor, type BigModelClientOptions } from "@/lib/server/bigmodel/client";
import { createImagesClient } from "@/lib/server/bigmodel/images";
import { createSpeechClient } from "@/lib/server/bigmodel/speech";
import { upstreamAppError } from "@/lib/server/bigmodel/upstream-app-error";
import { UpstreamError, parseRetryAfter } from "@/lib/server/bigmodel/upstream-error";
import { ERROR_CODES, upstreamCodeMessages } from "@/lib/shared/upstream/error-codes";

// The client against tiny local servers that misbehave in exactly one way each.

// Built at run time so no key-shaped literal sits in the repository (secret scanners).
const CANARY = `${"0123456789abcdef".repeat(2)}.CanaryKeySecret1`;
const TEXT_REQ = { model: "viduq1-text", prompt: "a cat" } as const;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;
const servers: http.Server[] = [];

async function serve(handler: Handler): Promise<{ baseUrl: string; hits: () => number; lastAuth: () => string | undefined }> {
  let hits = 0;
  let lastAuth: string | undefined;
  const server = http.createServer((req, res) => {
    hits++;
    lastAuth = req.headers.authorization;
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => handler(req, res, body));
  });
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/api/paas/v4`, hits: () => hits, lastAuth: () => lastAuth };
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((ok) => s.close(ok));
  }
});

function client(baseUrl: string, extra: Partial<BigModelClientOptions> = {}) {
  return createBigModelClient({ baseUrl, apiKey: CANARY, connectTimeoutMs: 500, requestTimeoutMs: 1_000, ...extra });
}

async function caught(p: Promise<unknown>): Promise<UpstreamError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UpstreamError);
    return e as UpstreamError;
  }
  throw new Error("expected a rejection");
}

function json(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

describe("successful calls", () => {
  it("creates with a Bearer key and validated body, then queries", async () => {
    let seen: unknown;
    const s = await serve((req, res, body) => {
      if (req.method === "POST") {
        seen = JSON.parse(body);
        return json(res, 200, { id: "2026abc", model: "viduq1-text", request_id: "r1", task_status: "PROCESSING" });
      }
      json(res, 200, { id: "2026abc", task_status: "SUCCESS", video_result: [{ url: "https://x.test/v.mp4", cover_image_url: "https://x.test/c.jpg" }] });
    });
    const c = client(s.baseUrl);
    const created = await c.createVideoTask({ ...TEXT_REQ, request_id: "r1" });
    expect(created.id).toBe("2026abc");
    expect(seen).toEqual({ ...TEXT_REQ, request_id: "r1" });
    expect(s.lastAuth()).toBe(`Bearer ${CANARY}`);
    const result = await c.getTaskResult("2026abc");
    expect(result.task_status).toBe("SUCCESS");
    expect(result.video_result?.[0]?.url).toBe("https://x.test/v.mp4");
  });

  it.each(["SUBMITTED", "QUEUEING", "RUNNING", "FAILED"])("maps the undocumented poll status %s to PROCESSING (only FAIL fails)", async (status) => {
    const s = await serve((_q, res) => json(res, 200, { id: "1", task_status: status }));
    expect((await client(s.baseUrl).getTaskResult("1")).task_status).toBe("PROCESSING");
  });

  it.each([{ task_status: "QUEUEING" }, { task_status: "SUBMITTED" }, {}])("a create answer with an id is an accept whatever its status (%j)", async (extra) => {
    const s = await serve((_q, res) => json(res, 200, { id: "2026abc", ...extra }));
    expect((await client(s.baseUrl).createVideoTask(TEXT_REQ)).id).toBe("2026abc");
  });

  it("rejects an invalid request before sending anything", async () => {
    const s = await serve((_q, res) => json(res, 200, {}));
    const c = client(s.baseUrl);
    const bad = [
      { model: "viduq1-text", prompt: "x".repeat(513) },
      { model: "viduq1-text", prompt: "ok", with_audio: true },
      { model: "viduq1-image", image_url: "http://insecure.example/a.png" },
      { model: "viduq1-start-end", image_url: ["https://a.example/1.png"] },
      { model: "viduq1-text", prompt: "ok", duration: 10 },
      { model: "cogvideox-3", prompt: "ok" },
    ];
    for (const req of bad) {
      const e = await caught(c.createVideoTask(req as never));
      expect(e.kind).toBe("rejected");
      expect(e.code).toBe("invalid-request");
    }
    expect(s.hits()).toBe(0);
  });
});

describe("error classification by status and business code", () => {
  const cases: [number, string, string][] = [
    [500, "500", "retry"],
    [500, "1200", "retry"],
    [500, "1230", "retry"],
    [500, "1234", "retry"],
    [503, "503", "retry"],
    [429, "1305", "retry"],
    [429, "1302", "queue"],
    [429, "1303", "queue"],
    [401, "401", "breaker"],
    [401, "1000", "breaker"],
    [401, "1001", "breaker"],
    [401, "1002", "breaker"],
    [401, "1003", "breaker"],
    [401, "1005", "breaker"],
    [429, "1113", "breaker"],
    [429, "1110", "breaker"],
    [429, "1112", "breaker"],
    [429, "1121", "breaker"],
    [429, "1304", "breaker"],
    [429, "1310", "breaker"],
    [403, "1220", "breaker"],
    [400, "1210", "rejected"],
    [400, "1211", "rejected"],
    [400, "1213", "rejected"],
    [400, "1214", "rejected"],
    [400, "1215", "rejected"],
    [400, "1221", "rejected"],
    [400, "1222", "rejected"],
    [400, "1261", "rejected"],
    [400, "1301", "rejected"],
    [400, "1233", "task-missing"],
    [400, "1231", "duplicate"],
  ];
  it.each(cases)("HTTP %i code %s → %s", async (status, code, kind) => {
    const s = await serve((_q, res) => json(res, status, { error: { code, message: "msg" } }));
    const e = await caught(client(s.baseUrl).createVideoTask(TEXT_REQ));
    expect(e.kind).toBe(kind);
    expect(e.httpStatus).toBe(status);
    expect(e.code).toBe(code);
  });

  it("a 1113 on HTTP 429 is never a queue signal", async () => {
    const s = await serve((_q, res) => json(res, 429, { error: { code: "1113", message: "余额不足" } }));
    expect((await caught(client(s.baseUrl).getTaskResult("x1"))).kind).toBe("breaker");
  });

  it("a proxy's HTML 502 is transient; a 400 without envelope is malformed", async () => {
    const html = await serve((_q, res) => res.writeHead(502, { "Content-Type": "text/html" }).end("<html>bad gateway</html>"));
    expect((await caught(client(html.baseUrl).createVideoTask(TEXT_REQ))).kind).toBe("retry");
    const bare = await serve((_q, res) => res.writeHead(400).end("nope"));
    expect((await caught(client(bare.baseUrl).createVideoTask(TEXT_REQ))).kind).toBe("malformed");
  });
});

describe("malformed bodies", () => {
  it.each([
    ["not JSON", "<html>", "invalid-json"],
    ["missing id", JSON.stringify({ task_status: "PROCESSING" }), "schema-mismatch"],
    ["numeric id", JSON.stringify({ id: 12, task_status: "PROCESSING" }), "schema-mismatch"],
  ])("create 200 with %s → malformed", async (_n, body, code) => {
    const s = await serve((_q, res) => res.writeHead(200).end(body));
    const e = await caught(client(s.baseUrl).createVideoTask(TEXT_REQ));
    expect([e.kind, e.code]).toEqual(["malformed", code]);
  });

  it("SUCCESS without video_result is malformed", async () => {
    const s = await serve((_q, res) => json(res, 200, { id: "a", task_status: "SUCCESS", video_result: [] }));
    expect((await caught(client(s.baseUrl).getTaskResult("a"))).kind).toBe("malformed");
  });

  it("an error envelope with an integer code is malformed (the contract says string)", async () => {
    const s = await serve((_q, res) => json(res, 400, { error: { code: 1214, message: "x" } }));
    expect((await caught(client(s.baseUrl).createVideoTask(TEXT_REQ))).kind).toBe("malformed");
  });

  it("caps the response size, declared or streamed", async () => {
    const big = "x".repeat(64 * 1024);
    const declared = await serve((_q, res) => res.writeHead(200, { "Content-Length": String(big.length) }).end(big));
    const e1 = await caught(client(declared.baseUrl, { maxResponseBytes: 1024 }).getTaskResult("a"));
    expect([e1.kind, e1.code]).toEqual(["malformed", "body-too-large"]);
    const chunked = await serve((_q, res) => {
      res.writeHead(200);
      for (let i = 0; i < 64; i++) res.write(big.slice(0, 1024));
      res.end();
    });
    const e2 = await caught(client(chunked.baseUrl, { maxResponseBytes: 4096 }).getTaskResult("a"));
    expect([e2.kind, e2.code]).toEqual(["malformed", "body-too-large"]);
  });
});

describe("transport failures: retry when nothing was sent, ambiguous when a create may have landed", () => {
  it("connection refused → retry (connect-failed)", async () => {
    const s = await serve(() => undefined);
    const dead = servers.pop();
    dead?.close();
    await new Promise((ok) => setTimeout(ok, 20));
    const e = await caught(client(s.baseUrl).createVideoTask(TEXT_REQ));
    expect([e.kind, e.code, e.httpStatus]).toEqual(["retry", "connect-failed", 0]);
  });

  it("DNS that never answers → connect timeout → retry, well before the total timeout", async () => {
    const started = Date.now();
    const c = createBigModelClient({
      baseUrl: "http://stalled.invalid/api/paas/v4",
      apiKey: CANARY,
      connectTimeoutMs: 150,
      requestTimeoutMs: 5_000,
      lookup: () => undefined, // never calls back
    });
    const e = await caught(c.createVideoTask(TEXT_REQ));
    expect([e.kind, e.code]).toEqual(["retry", "connect-timeout"]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("server accepts the request but never answers → create ambiguous, query retry", async () => {
    const s = await serve(() => undefined);
    const c = client(s.baseUrl, { requestTimeoutMs: 300 });
    const e = await caught(c.createVideoTask(TEXT_REQ));
    expect([e.kind, e.code]).toEqual(["ambiguous", "timeout"]);
    const q = await caught(c.getTaskResult("abc"));
    expect([q.kind, q.code]).toEqual(["retry", "timeout"]);
  });

  it("socket dropped after the request → create ambiguous (reset)", async () => {
    const s = await serve((req) => req.socket.destroy());
    const e = await caught(client(s.baseUrl).createVideoTask(TEXT_REQ));
    expect([e.kind, e.code]).toEqual(["ambiguous", "reset"]);
  });

  it("truncated body → create ambiguous, query retry", async () => {
    const s = await serve((_q, res) => {
      res.writeHead(200, { "Content-Length": "200" });
      res.write('{"id":"abc",', () => res.socket?.end());
    });
    const c = client(s.baseUrl);
    expect((await caught(c.createVideoTask(TEXT_REQ))).kind).toBe("ambiguous");
    const q = await caught(c.getTaskResult("abc"));
    expect([q.kind, q.code]).toEqual(["retry", "truncated"]);
  });

  it("a slow body past the total deadline → ambiguous for a create", async () => {
    const s = await serve((_q, res) => {
      res.writeHead(200, { "Content-Length": "100" });
      res.write("{");
    });
    const e = await caught(client(s.baseUrl, { requestTimeoutMs: 300 }).createVideoTask(TEXT_REQ));
    expect([e.kind, e.code]).toEqual(["ambiguous", "timeout"]);
  });
});

describe("the key never leaks", () => {
  it("stays out of errors even when the upstream echoes it", async () => {
    const s = await serve((req, res) => {
      const auth = String(req.headers.authorization);
      if (req.method === "POST") return json(res, 401, { error: { code: "401", message: `bad token ${auth} (${CANARY})` } });
      res.writeHead(200).end(`not json ${auth}`);
    });
    const c = client(s.baseUrl);
    const errors = [await caught(c.createVideoTask(TEXT_REQ)), await caught(c.getTaskResult("abc"))];
    const dead = await caught(client("http://127.0.0.1:1/api/paas/v4").createVideoTask(TEXT_REQ));
    errors.push(dead);
    // The still and speech clients share the exchange: an echoed key stays out of their errors too,
    // and out of what the user is shown (the AppError the studio maps them to).
    const media = { baseUrl: s.baseUrl, apiKey: CANARY, connectTimeoutMs: 500, requestTimeoutMs: 1_000 };
    errors.push(await caught(createImagesClient(media).generateStill({ prompt: "a lighthouse" })));
    errors.push(await caught(createSpeechClient(media).speak({ input: "hello" })));
    const shown = errors.slice(-2).map((e) => upstreamAppError(e));
    for (const a of shown) expect(JSON.stringify({ vars: a.vars, headers: a.headers, message: a.message })).not.toContain(CANARY);
    const halves = CANARY.split(".");
    for (const e of errors) {
      const views = [JSON.stringify(e), inspect(e, { depth: 10, showHidden: true }), String(e), e.stack ?? "", e.message];
      for (const v of views) {
        expect(v).not.toContain(CANARY);
        for (const h of halves) expect(v).not.toContain(h);
      }
    }
    expect(errors[0]?.message).toContain("[redacted]");
  });
});

describe("Retry-After and the create's deadline", () => {
  it("carries the upstream's Retry-After (seconds or HTTP date) on the error, capped", async () => {
    const s = await serve((_q, res) => res.writeHead(429, { "Content-Type": "application/json", "Retry-After": "7" }).end(JSON.stringify({ error: { code: "1302", message: "x" } })));
    const e = await caught(client(s.baseUrl).createVideoTask(TEXT_REQ));
    expect([e.kind, e.retryAfterMs]).toEqual(["queue", 7_000]);
    expect(parseRetryAfter(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThan(25_000);
    expect(parseRetryAfter("999999")).toBe(600_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it("a 429 without an envelope is a refusal to retry, not an ambiguous create", async () => {
    const s = await serve((_q, res) => res.writeHead(429, { "Retry-After": "2" }).end("busy"));
    const e = await caught(client(s.baseUrl).createVideoTask(TEXT_REQ));
    expect([e.kind, e.retryAfterMs]).toEqual(["retry", 2_000]);
  });

  it("the whole-call deadline grows with the body: two 10 MB frames get minutes, not the bare 60 s", () => {
    expect(requestTimeoutFor(60_000, 0)).toBe(60_000);
    expect(requestTimeoutFor(60_000, 27 * 1024 * 1024)).toBeGreaterThan(60_000 + 200_000);
  });
});

describe("upstream codes in both languages", () => {
  it("every code of the table has an English and a Chinese message, placeholders dropped; unknown codes name the code", () => {
    for (const code of Object.keys(ERROR_CODES)) {
      const m = upstreamCodeMessages(code);
      expect(m.en, code).toMatch(/^[\x20-\x7e]+$/); // English: no Chinese text reaches an English reader
      expect(m["zh-CN"], code).not.toMatch(/\$\{/);
    }
    expect(upstreamCodeMessages("1231")["zh-CN"]).toBe("您已有请求。");
    expect(upstreamCodeMessages("9999")).toEqual({ en: "The video service answered with code 9999.", "zh-CN": "视频服务返回了代码 9999。" });
  });
});

describe("stills and speech: off-contract answers", () => {
  const media = (baseUrl: string) => ({ baseUrl, apiKey: CANARY, connectTimeoutMs: 500, requestTimeoutMs: 1_000 });

  it("an image answer without data, or with a URL that is not one, is malformed", async () => {
    const s = await serve((_q, res) => json(res, 200, { created: 1, data: [] }));
    expect((await caught(createImagesClient(media(s.baseUrl)).generateStill({ prompt: "x" }))).kind).toBe("malformed");
    const t = await serve((_q, res) => json(res, 200, { created: 1, data: [{ url: "not a url" }] }));
    expect((await caught(createImagesClient(media(t.baseUrl)).generateStill({ prompt: "x" }))).code).toBe("schema-mismatch");
  });

  it("a 200 speech answer that is not a WAV is malformed; the request always asks for wav with the model set", async () => {
    let sent: Record<string, unknown> = {};
    const s = await serve((_q, res, body) => {
      sent = JSON.parse(body) as Record<string, unknown>;
      json(res, 200, { audio: "base64…" });
    });
    const e = await caught(createSpeechClient({ ...media(s.baseUrl), model: "glm-tts-2" }).speak({ input: "hi" }));
    expect([e.kind, e.code, e.operation]).toEqual(["malformed", "not-wav", "speech"]);
    expect(sent).toEqual({ model: "glm-tts-2", input: "hi", voice: "tongtong", response_format: "wav" });
  });
});
