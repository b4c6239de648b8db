import http from "node:http";
import https from "node:https";

// Downloads an image_url (http or https) the way the upstream would before accepting a task. Short
// timeout, a byte cap and no redirects: the simulator only needs to know "fetchable image or not"
// (→ 1214). An unreachable URL is a failure, as on the platform; tests that use the documentation's
// example URLs inject a fetcher (SimulatorOptions.fetchImage) instead.

export type ImageFetcher = (url: string) => Promise<Buffer>;

export interface FetchImageOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

export function createImageFetcher(opts: FetchImageOptions = {}): ImageFetcher {
  const timeoutMs = opts.timeoutMs ?? 5_000;
  const maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
  return (raw) => {
    const url = new URL(raw);
    if (url.protocol !== "https:" && url.protocol !== "http:") return Promise.reject(new Error("only http(s) image URLs are fetched"));
    const get = url.protocol === "https:" ? https.get : http.get;
    return new Promise<Buffer>((resolve, reject) => {
      const req = get(url, { timeout: timeoutMs, agent: false }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`image URL answered HTTP ${res.statusCode}`));
          return;
        }
        const chunks: Buffer[] = [];
        let total = 0;
        res.on("data", (c: Buffer) => {
          total += c.length;
          if (total > maxBytes) req.destroy(new Error("image too large"));
          else chunks.push(c);
        });
        res.on("end", () => resolve(Buffer.concat(chunks)));
        res.on("error", reject);
      });
      const deadline = setTimeout(() => req.destroy(new Error("image fetch timed out")), timeoutMs);
      req.on("close", () => clearTimeout(deadline));
      req.on("timeout", () => req.destroy(new Error("image fetch timed out")));
      req.on("error", reject);
    });
  };
}
