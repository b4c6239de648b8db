import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resolver } from "@/lib/server/net/guarded-connect";
import { mediaPolicy } from "@/lib/server/net/fetch-to-file";
import { safeDownload } from "@/lib/server/net/safe-fetch";
import { SafeFetchError } from "@/lib/server/net/safe-fetch-error";

// Result URLs may come from any public https host (the platform does not document its result CDN):
// with no BIGMODEL_MEDIA_HOSTS the media policy lets an unlisted host through the static check, and
// the guard's dynamic half still refuses every non-public address (a canary counts connections).
// A local server cannot have a public peer address, so the public case is proven up to the connect:
// the guard lets it go to the network instead of refusing it.

let canary: Server;
let C = 0;
let canaryConnections = 0;

const fakeDns: Record<string, string> = {
  "video.new-cdn.example.org": "93.184.216.34",
  "private.new-cdn.example.org": "10.0.0.5",
  "loopback.new-cdn.example.org": "127.0.0.1",
  "metadata.new-cdn.example.org": "169.254.169.254",
};
const resolver: Resolver = async (host) => {
  const address = fakeDns[host];
  if (!address) throw new Error(`ENOTFOUND ${host}`);
  return [{ address, family: 4 }];
};

async function outcome(url: string, origins: string[]): Promise<string> {
  try {
    const r = await safeDownload(url, {
      ...mediaPolicy(origins),
      allowPorts: [443, C],
      resolver,
      maxBytes: 1_000,
      timeoutMs: 1_500,
      connectTimeoutMs: 500,
      maxRedirects: 0,
    });
    r.body.destroy();
    return `ok ${r.status}`;
  } catch (e) {
    return e instanceof SafeFetchError ? e.code : `untyped ${String(e)}`;
  }
}

beforeAll(async () => {
  canary = createServer((s) => {
    canaryConnections++;
    s.destroy();
  });
  await new Promise<void>((r) => canary.listen(0, "127.0.0.1", r));
  C = (canary.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => canary.close(r));
});

describe("result downloads from any public host", () => {
  it("with no configured hosts, an unlisted public host passes the policy and DNS checks", async () => {
    expect(mediaPolicy([])).toMatchObject({ anyPublicHost: true });
    const code = await outcome("https://video.new-cdn.example.org/v.mp4", []);
    expect(["network", "timeout"]).toContain(code); // it went to the network; nothing refused it
  });

  it("the simulator's origin stays trusted and does not turn the any-host mode off", () => {
    expect(mediaPolicy(["http://127.0.0.1:4010"])).toEqual({ allowHosts: [], allowOrigins: ["http://127.0.0.1:4010"], anyPublicHost: true });
  });

  it("a configured allowlist still limits the hosts", async () => {
    expect(await outcome("https://video.new-cdn.example.org/v.mp4", ["https://aigc-files.bigmodel.cn"])).toBe("blocked_host");
  });

  it.each([
    "https://private.new-cdn.example.org/v.mp4",
    "https://loopback.new-cdn.example.org/v.mp4",
    "https://metadata.new-cdn.example.org/v.mp4",
    "https://loopback.new-cdn.example.org:{C}/v.mp4",
    "http://loopback.new-cdn.example.org:{C}/v.mp4",
    "https://127.0.0.1:{C}/v.mp4",
  ])("%s is refused without a connection", async (raw) => {
    const code = await outcome(raw.replace("{C}", String(C)), []);
    expect(["blocked_address", "blocked_host", "blocked_scheme"]).toContain(code);
    expect(canaryConnections).toBe(0);
  });
});
