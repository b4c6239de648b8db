// The request gate in front of Next (scripts/lib/request-listener.mjs + lib/shared/request-gate.ts),
// over real HTTP: unknown methods (TRACE, made-up ones) get a coded 405 with Allow on every path, a
// Host this studio is not configured for gets a coded, bilingual 421, and neither reaches Next.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestGate } from "@/lib/shared/request-gate";
import { requestListener } from "@/scripts/lib/request-listener.mjs";

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

describe("request gate (node:http listener)", () => {
  let server: http.Server;
  let port = 0;
  const reached: string[] = [];

  beforeAll(async () => {
    const gate = requestGate({ PUBLIC_BASE_URL: "https://studio.example.com", NEXTAUTH_URL: "http://localhost:3000", ALLOWED_HOSTS: "studio.lan, 10.0.0.5:8080" });
    // Stands in for Next's handler: records what got through.
    const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
      reached.push(`${req.method} ${req.headers.host} ${req.url}`);
      res.end("next");
    };
    server = http.createServer(requestListener({ handle, gate, trustProxy: false }));
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => new Promise<void>((ok) => server.close(() => ok())));

  function send(method: string, path: string, host: string, headers: Record<string, string> = {}): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, method, path, headers: { host, ...headers } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  const PATHS = ["/", "/sign-up", "/api/account/sign-up", "/api/media/x/video.mp4", "/s/abc", "/_next/static/chunk.js", "/api/nope"];

  it("answers a Host it is not configured for with a coded, bilingual 421 on every path", async () => {
    reached.length = 0; // what the other tests let through, whichever ran first
    for (const host of ["rebind.attacker.test:3000", "rebind.attacker.test", "studio.example.com.attacker.test", "0.0.0.0:3000", "192.168.1.20:3000", "10.0.0.5:3000"]) {
      for (const path of PATHS) {
        const res = await send("POST", path, host, { "accept-language": "zh-CN" });
        expect(res.status, `${host} ${path}`).toBe(421);
        const body = JSON.parse(res.body);
        expect(body.error.code).toBe("misdirected_request");
        expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
        expect(body.error.messages.en).toMatch(/ALLOWED_HOSTS/);
        expect(res.headers["cache-control"]).toBe("no-store");
      }
    }
    expect(reached).toEqual([]);
  });

  it("lets configured hosts and loopback names through", async () => {
    reached.length = 0;
    const ok = ["studio.example.com", "STUDIO.example.com:443", "localhost:3000", "localhost:4000", "127.0.0.1:3000", "[::1]:3000", "studio.lan:3000", "studio.lan", "10.0.0.5:8080"];
    for (const host of ok) expect((await send("GET", "/", host)).status, host).toBe(200);
    expect(reached).toHaveLength(ok.length);
  });

  it("answers TRACE and unknown methods with a coded 405 and Allow on every path", async () => {
    reached.length = 0;
    for (const method of ["TRACE", "PROPFIND", "PURGE", "SEARCH", "LINK"]) {
      for (const path of PATHS) {
        const res = await send(method, path, "localhost:3000");
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        expect(JSON.parse(res.body).error.code).toBe("method_not_allowed");
      }
    }
    expect(reached).toEqual([]);
  });
});
