// The early hash gate in the HTTP entry point (scripts/lib/request-listener.mjs + hashGateRefusal in
// lib/shared/request-gate.ts), over real HTTP: a sign-in or sign-up the hash gate would refuse gets
// the coded, bilingual 429 with Retry-After without reaching Next, is held for a bounded time (and
// never more than a bounded number at once), and everyone else goes straight through meanwhile.
// The hash gate's real state is exercised in tests/integration/hash-gate.test.ts; here a probe
// published the same way stands in for it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TokenBuckets } from "@/lib/server/net/token-buckets";
import { publishHashGateProbe } from "@/lib/shared/hash-gate-probe";
import { hashGateRefusal, requestGate } from "@/lib/shared/request-gate";
import { requestListener } from "@/scripts/lib/request-listener.mjs";
import { waitFor } from "../support/wait-for";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const REFUSED_IP = "198.51.100.9";
const gate = requestGate({ NEXTAUTH_URL: "http://localhost:3000" });

/** A listener on a loopback port with a stand-in for Next that records what reached it. */
async function serve(opts: { trustProxy: boolean; hold: { ms: number; max: number } }) {
  const reached: string[] = [];
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    reached.push(`${req.method} ${req.url} ${req.headers["x-framehouse-client-ip"]}`);
    res.end("next");
  };
  const listener = requestListener({ handle, gate, hashGate: hashGateRefusal, ...opts });
  const server = http.createServer(listener);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  const open = new Set<http.ClientRequest>();
  /** Sends a request; `abort()` gives up on it (the client closes the socket). */
  const send = (method: string, path: string, headers: Record<string, string> = {}) => {
    let request!: http.ClientRequest;
    const answer = new Promise<Answer>((resolve, reject) => {
      request = http.request({ host: "127.0.0.1", port, method, path, headers: { host: "localhost:3000", ...headers } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      request.on("error", reject);
      request.end(method === "POST" ? "email=a%40b.test&password=x" : undefined);
    });
    open.add(request);
    void answer.then(() => open.delete(request), () => open.delete(request));
    return { answer, abort: () => request.destroy() };
  };
  const close = async () => {
    for (const r of open) r.destroy();
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  };
  return { reached, send, held: listener.held, close };
}

function expectRefused(res: Answer, retryAfter: string) {
  expect(res.status).toBe(429);
  expect(res.headers["retry-after"]).toBe(retryAfter);
  expect(res.headers["cache-control"]).toBe("no-store");
  const { error } = JSON.parse(res.body) as { error: { code: string; messages: Record<string, string> } };
  expect(error.code).toBe("rate_limited");
  expect(error.messages.en).toBeTruthy();
  expect(error.messages["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
}

describe("early hash gate (node:http listener)", () => {
  beforeAll(() => publishHashGateProbe({ wouldRefuse: (ip) => (ip === REFUSED_IP ? 7 : null) }));
  afterAll(() => publishHashGateProbe(undefined));
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it("answers a sign-in or sign-up the hash gate would refuse with a coded 429 and Retry-After, before Next", async () => {
    const s = await serve({ trustProxy: true, hold: { ms: 10, max: 8 } });
    stop = s.close;
    const from = { "x-forwarded-for": REFUSED_IP, "accept-language": "zh-CN" };
    expectRefused(await s.send("POST", "/api/account/sign-up", from).answer, "7");
    const signIn = await s.send("POST", "/api/auth/callback/credentials?x=1", from).answer;
    expectRefused(signIn, "7");
    // next-auth's browser client reads the error from an absolute `url`: the sign-in form shows the wait.
    expect(new URL((JSON.parse(signIn.body) as { url: string }).url).searchParams.get("error")).toBe("throttled:7");
    expect(s.reached).toEqual([]);
    // Requests that do not hash, and other addresses, go on to Next.
    expect((await s.send("GET", "/api/auth/csrf", from).answer).status).toBe(200);
    expect((await s.send("GET", "/api/account/sign-up", from).answer).status).toBe(200);
    expect((await s.send("POST", "/api/account/sign-up", { "x-forwarded-for": "198.51.100.10" }).answer).status).toBe(200);
    expect(s.reached).toEqual(["GET /api/auth/csrf 198.51.100.9", "GET /api/account/sign-up 198.51.100.9", "POST /api/account/sign-up 198.51.100.10"]);
  });

  it("takes the client address the app sees: the proxy's last X-Forwarded-For entry, or the socket's without TRUST_PROXY", async () => {
    const proxied = await serve({ trustProxy: true, hold: { ms: 10, max: 8 } });
    stop = proxied.close;
    // A client-sent entry in front of the proxy's does not choose the bucket.
    expect((await proxied.send("POST", "/api/account/sign-up", { "x-forwarded-for": `${REFUSED_IP}, 203.0.113.1` }).answer).status).toBe(200);
    expectRefused(await proxied.send("POST", "/api/account/sign-up", { "x-forwarded-for": `203.0.113.1, ${REFUSED_IP}` }).answer, "7");
    expect(proxied.reached).toEqual(["POST /api/account/sign-up 203.0.113.1"]);
    await proxied.close();
    const direct = await serve({ trustProxy: false, hold: { ms: 10, max: 8 } });
    stop = direct.close;
    expect((await direct.send("POST", "/api/account/sign-up", { "x-forwarded-for": REFUSED_IP }).answer).status).toBe(200);
    expect(direct.reached).toEqual(["POST /api/account/sign-up 127.0.0.1"]);
  });

  it("holds refusals up to a bound: beyond it they are answered at once, a client that leaves frees its place, others are unaffected", async () => {
    const s = await serve({ trustProxy: true, hold: { ms: 600_000, max: 2 } });
    stop = s.close;
    const from = { "x-forwarded-for": REFUSED_IP };
    const first = s.send("POST", "/api/auth/callback/credentials", from);
    const second = s.send("POST", "/api/auth/callback/credentials", from);
    await waitFor("two refusals held", async () => s.held() === 2, 5_000);
    // The cap is reached: the next refusal is written at once (the held ones are still pending).
    expectRefused(await s.send("POST", "/api/auth/callback/credentials", from).answer, "7");
    expect(s.held()).toBe(2);
    // Readers and other addresses are not held behind them.
    expect((await s.send("GET", "/api/uploads/abc").answer).status).toBe(200);
    expect((await s.send("POST", "/api/auth/callback/credentials", { "x-forwarded-for": "198.51.100.10" }).answer).status).toBe(200);
    first.abort();
    second.abort();
    await Promise.allSettled([first.answer, second.answer]);
    await waitFor("held refusals released when their clients leave", async () => s.held() === 0, 5_000);
    expect(s.reached).toHaveLength(2);
  });

  it("holds a refusal no longer than its Retry-After", async () => {
    publishHashGateProbe({ wouldRefuse: (ip) => (ip === REFUSED_IP ? 1 : null) });
    const s = await serve({ trustProxy: true, hold: { ms: 600_000, max: 8 } });
    stop = s.close;
    const pending = s.send("POST", "/api/account/sign-up", { "x-forwarded-for": REFUSED_IP });
    await waitFor("the refusal held", async () => s.held() === 1, 5_000);
    // Answered once its one second is up, not after the ten minutes the listener allows.
    expectRefused(await pending.answer, "1");
    expect(s.held()).toBe(0);
    publishHashGateProbe({ wouldRefuse: (ip) => (ip === REFUSED_IP ? 7 : null) });
  });

  it("asks the buckets without taking a token (TokenBuckets.peek)", () => {
    const buckets = new TokenBuckets({ capacity: 3, refillPerSec: 0.5, maxKeys: 10 });
    for (let i = 0; i < 100; i++) expect(buckets.peek("a", 1_000).ok).toBe(true);
    for (let i = 0; i < 3; i++) expect(buckets.take("a", 1_000).ok).toBe(true);
    expect(buckets.peek("a", 1_000)).toEqual({ ok: false, retryAfterSec: 2 });
    expect(buckets.take("a", 1_000)).toEqual({ ok: false, retryAfterSec: 2 });
    // Refilled after 2 s: peek and take agree again.
    expect(buckets.peek("a", 3_000).ok).toBe(true);
    expect(buckets.take("a", 3_000).ok).toBe(true);
  });
});
