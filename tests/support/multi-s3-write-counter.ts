// An HTTP pass-through in front of s3rver that counts completed object writes per key, so a
// multi-process test can prove "each object written once" from outside the workers: a successful
// PutObject (PUT without partNumber) or CompleteMultipartUpload (POST ?uploadId) is one write.
// Headers go through untouched (SigV4 signs the Host header the client used, and s3rver checks the
// signature against what it receives).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface S3WriteCounter {
  /** Endpoint the workers use instead of s3rver's. */
  endpoint: string;
  /** Completed writes per object key (bucket prefix removed). */
  writesByKey: Map<string, number>;
  /** Writes that failed (status ≥ 300), by key. */
  failedWrites: number;
  close(): Promise<void>;
}

function writeKey(method: string, url: URL, bucket: string): string | null {
  const prefix = `/${bucket}/`;
  if (!url.pathname.startsWith(prefix)) return null;
  const key = decodeURIComponent(url.pathname.slice(prefix.length));
  if (method === "PUT" && !url.searchParams.has("partNumber")) return key;
  if (method === "POST" && url.searchParams.has("uploadId")) return key;
  return null;
}

export async function startS3WriteCounter(target: string, bucket: string): Promise<S3WriteCounter> {
  const upstream = new URL(target);
  const counter: S3WriteCounter = {
    endpoint: "",
    writesByKey: new Map(),
    failedWrites: 0,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const server = http.createServer((req, res) => {
    const method = req.method ?? "GET";
    const key = writeKey(method, new URL(req.url ?? "/", "http://proxy"), bucket);
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method, path: req.url, headers: req.headers, agent },
      (up) => {
        if (key !== null) {
          if ((up.statusCode ?? 500) < 300) counter.writesByKey.set(key, (counter.writesByKey.get(key) ?? 0) + 1);
          else counter.failedWrites++;
        }
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on("error", () => res.destroy());
    req.pipe(out);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  counter.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = counter.close;
  counter.close = async () => {
    server.closeAllConnections();
    await close();
    agent.destroy();
  };
  return counter;
}
