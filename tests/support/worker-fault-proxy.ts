// A fault-injecting HTTP proxy in front of the simulator (resets, stalls, truncation between client and upstream): API calls and
// result-file downloads all go through it (result URLs are rewritten to point at the proxy), and
// each request fails with probability `rate` in one of the ways the live upstream and CDN fail:
// 5xx / 1305 / 1302 before anything is processed, a connection reset or a non-JSON 200 AFTER the
// simulator processed the request (for a create: the task IS accepted — an "ack lost" window),
// and truncated or failed file downloads. Counts every injected fault by kind.
import http from "node:http";
import type { AddressInfo } from "node:net";

type FaultKind = "http500" | "busy1305" | "queue1302" | "resetAfter" | "junkAfter" | "truncate" | "file503";

export interface FaultProxy {
  url: string;
  counts: Record<FaultKind, number>;
  /** Creates whose reply was lost after the simulator accepted them (may become ORPHANED). */
  ackLostCreates: number;
  setRate(rate: number): void;
  close(): Promise<void>;
}

const envelope = (code: string) => Buffer.from(JSON.stringify({ error: { code, message: "injected" } }));

function pick<T>(random: () => number, options: [T, number][]): T {
  let x = random() * options.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of options) if ((x -= w) < 0) return v;
  return (options.at(-1) as [T, number])[0];
}

export async function startFaultProxy(target: string, rate: number, random: () => number = Math.random): Promise<FaultProxy> {
  const counts: Record<FaultKind, number> = { http500: 0, busy1305: 0, queue1302: 0, resetAfter: 0, junkAfter: 0, truncate: 0, file503: 0 };
  let currentRate = rate;
  let self = "";
  const proxy: FaultProxy = {
    url: "",
    counts,
    ackLostCreates: 0,
    setRate: (r) => (currentRate = r),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const kind = path.includes("/videos/generations") ? "create" : path.startsWith("/files/") ? "file" : "query";
      let fault: FaultKind | null = null;
      if (random() < currentRate) {
        fault =
          kind === "create"
            ? pick<FaultKind>(random, [["http500", 3], ["busy1305", 2], ["queue1302", 3], ["resetAfter", 1], ["junkAfter", 1]])
            : kind === "query"
              ? pick<FaultKind>(random, [["http500", 4], ["resetAfter", 3], ["junkAfter", 3]])
              : pick<FaultKind>(random, [["truncate", 6], ["file503", 4]]);
        counts[fault]++;
      }
      const reply = (status: number, body: Buffer) => {
        res.writeHead(status, { "Content-Type": "application/json", "Content-Length": String(body.length) });
        res.end(body);
      };
      if (fault === "http500") return reply(500, envelope("500"));
      if (fault === "busy1305") return reply(429, envelope("1305"));
      if (fault === "queue1302") return reply(429, envelope("1302"));
      if (fault === "file503") return reply(503, Buffer.from("Service Unavailable"));

      const upstream = http.request(`${target}${path}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (up) => {
        const body: Buffer[] = [];
        up.on("data", (c: Buffer) => body.push(c));
        up.on("end", () => {
          let data = Buffer.concat(body);
          const type = String(up.headers["content-type"] ?? "");
          if (type.includes("json")) data = Buffer.from(data.toString("utf8").split(target).join(self));
          if (fault === "resetAfter" || fault === "junkAfter") {
            if (kind === "create" && up.statusCode === 200) proxy.ackLostCreates++;
            if (fault === "resetAfter") return res.socket?.destroy();
            return reply(200, Buffer.from("<html>502 Bad Gateway</html>"));
          }
          const headers = { ...up.headers, "content-length": String(data.length) };
          res.writeHead(up.statusCode ?? 502, headers);
          if (fault === "truncate") {
            res.write(data.subarray(0, Math.floor(data.length / 2)), () => res.socket?.end());
            return;
          }
          res.end(data);
        });
      });
      upstream.on("error", () => res.socket?.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.url = self;
  return proxy;
}
