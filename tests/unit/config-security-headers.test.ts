import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// Next's own compiler of header rules (what the build writes into routes-manifest.json).
import { buildCustomRoute } from "next/dist/lib/build-custom-route";
import type { NextConfig } from "next";
import { BASELINE_HEADERS, JSON_CSP } from "@/lib/shared/security-headers.mjs";

// Which Content-Security-Policy each path gets from next.config.mjs. Next keeps a config header over the
// route's own header of the same name (send-response.js appends only absent ones), so a route's CSP only
// reaches the client when the config says none for its path. Every API route is checked: a route that
// serves media (it calls one of the media writers, which set the sandboxed media CSP themselves) must get
// no config CSP; next-auth's endpoints (its built-in sign-out page is HTML with inline styles) and pages get
// the page baseline; every other API route gets the JSON policy.

const root = path.resolve(import.meta.dirname, "../..");
const MEDIA_WRITERS = /\bserve(ClipMedia|SharedClipMedia|Upload|SharedExportMedia|ShotVoice|SignedMedia)\(/;
const PAGE_CSP = BASELINE_HEADERS.find((h) => h.key === "Content-Security-Policy")!.value;

interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}

async function configCsp(pathname: string): Promise<string | undefined> {
  const nextConfig = ((await import(path.join(root, "next.config.mjs"))) as { default: NextConfig }).default;
  const rules = (await nextConfig.headers!()) as HeaderRule[];
  let csp: string | undefined;
  for (const rule of rules) {
    const { regex } = buildCustomRoute("header", rule) as { regex: string };
    if (!new RegExp(regex).test(pathname)) continue;
    // Rules apply in order; a later value of the same header replaces an earlier one.
    for (const h of rule.headers) if (h.key.toLowerCase() === "content-security-policy") csp = h.value;
  }
  return csp;
}

/** Every app/api route file with a concrete path for it ([id] → an id, [...rest] → two segments). */
function apiRoutes(): { file: string; pathname: string; media: boolean }[] {
  const out: { file: string; pathname: string; media: boolean }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "route.ts") {
        const rel = path.relative(path.join(root, "app"), path.dirname(p));
        const pathname = `/${rel
          .split(path.sep)
          .map((seg) => (seg.startsWith("[[...") || seg.startsWith("[...") ? "a/b" : seg.startsWith("[") ? "cm0example0000000000000000" : seg))
          .join("/")}`;
        out.push({ file: path.relative(root, p), pathname, media: MEDIA_WRITERS.test(fs.readFileSync(p, "utf8")) });
      }
    }
  };
  walk(path.join(root, "app", "api"));
  return out;
}

describe("the CSP next.config.mjs gives each path", () => {
  const routes = apiRoutes();

  it("finds the API routes and the media ones among them", () => {
    expect(routes.length).toBeGreaterThan(50);
    const media = routes.filter((r) => r.media).map((r) => r.file);
    expect(media).toEqual(expect.arrayContaining(["app/api/shots/[shotId]/voice/audio/route.ts", "app/api/uploads/[id]/route.ts"]));
  });

  it("media routes get none (they send their own sandboxed policy), next-auth the page baseline, every other API route the JSON policy", async () => {
    const wrong: string[] = [];
    for (const r of routes) {
      const csp = await configCsp(r.pathname);
      const want = r.media ? undefined : r.pathname.startsWith("/api/auth/") ? PAGE_CSP : JSON_CSP;
      if (csp !== want) wrong.push(`${r.file} (${r.pathname}): ${csp ?? "none"}`);
    }
    expect(wrong).toEqual([]);
  });

  it("pages and static files get the page baseline", async () => {
    for (const p of ["/", "/gallery", "/films/cm0example0000000000000000", "/s/token", "/sign-in", "/robots.txt"]) {
      expect(await configCsp(p), p).toBe(PAGE_CSP);
    }
  });
});
