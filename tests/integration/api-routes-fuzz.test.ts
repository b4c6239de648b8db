// Every route file under app/api (tests/support/api-routes.ts finds them and their methods), fuzzed
// through the real handlers on a real SQLite database, anonymous, signed in and as instance admin,
// with junk cookies too: malformed JSON, wrong types, huge and chunked bodies, path traversal and
// NUL / bidi / lone surrogates in path params, queries and strings. Methods no route serves (TRACE,
// WebDAV verbs…) go over real HTTP through the request gate (scripts/lib/request-listener.mjs). Not
// one answer may be ≥ 500, and every error is coded JSON. Seeded: the same requests every run.
// Prints the counts per route.
import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestGate } from "@/lib/shared/request-gate";
import { requestListener } from "@/scripts/lib/request-listener.mjs";
import { type ApiRouteFile, apiRouteFiles, type RouteMethod } from "../support/api-routes";
import { chunkedBody } from "../support/chunked-body";
import { seedGenerations } from "../support/seed-generations";
import { ctx, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

const SEED = 20_261_203;
/** Routes the in-process fuzz cannot call, with the reason (their methods still go through the gate below). */
const NOT_IN_PROCESS: Record<string, string> = {
  "/api/auth/:...nextauth": "next-auth reads cookies() from next/headers, which needs Next's request scope (a real server)",
};
const RUNS = 24;
const ORIGIN = "http://localhost:3000";
type Handler = (req: Request, c: ReturnType<typeof ctx>) => Promise<Response>;

const NASTY = [
  "../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "..\\..\\windows\\win.ini",
  "/etc/passwd",
  "a\u0000b",
  "\u0000",
  "\u202Eevil\u202C",
  "\u2066x\u2069",
  "\uD800",
  "x\uDFFFy",
  "%00",
  "%",
  "%E0%A4%A",
  "' OR 1=1 --",
  "x".repeat(5000),
  "",
  " ",
  "null",
  "-1",
  "1e309",
  "NaN",
  "🙂",
  "video.mp4",
  "poster.jpg",
];
const nasty = fc.constantFrom(...NASTY);
const junkString = fc.oneof(nasty, fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }));
const FIELDS = [
  "name", "email", "password", "invite", "role", "userId", "teamId", "ids", "id", "tags", "add", "remove", "prompt", "mode", "style",
  "aspectRatio", "movementAmplitude", "withAudio", "uploadId", "uploadIds", "limitFen", "monthlyLimitFen", "registration", "locale", "kind",
  "expiresInHours", "maxUses", "favourite", "allowDownload", "action", "expiresAt", "memberId",
];
const junkValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    junkString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie("value"), { maxKeys: 3 }),
  ),
})).value;

type Body =
  | { kind: "none" }
  | { kind: "text"; text: string; type: string }
  | { kind: "chunked"; bytes: number; type: string };
const CONTENT_TYPES = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", ""];
const body: fc.Arbitrary<Body> = fc.oneof(
  fc.constant<Body>({ kind: "none" }),
  fc.record({ kind: fc.constant("text" as const), text: fc.constantFrom("{", "nul", "[1,", "\u0000", '{"a":}', "{}", "[]", '"x"', "1"), type: fc.constantFrom(...CONTENT_TYPES) }),
  fc.record({ kind: fc.constant("text" as const), text: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? "null"), type: fc.constant("application/json") }),
  fc.record({ kind: fc.constant("text" as const), text: fc.dictionary(fc.constantFrom(...FIELDS), junkValue, { maxKeys: 6 }).map((v) => JSON.stringify(v)), type: fc.constantFrom(...CONTENT_TYPES) }),
  fc.record({ kind: fc.constant("text" as const), text: fc.constant(`{"name":"${"a".repeat(200_000)}"}`), type: fc.constantFrom(...CONTENT_TYPES) }),
  fc.record({ kind: fc.constant("chunked" as const), bytes: fc.constantFrom(70_000, 300_000), type: fc.constantFrom(...CONTENT_TYPES) }),
);
const QUERY_KEYS = ["team", "limit", "cursor", "q", "month", "from", "to", "mode", "status", "tag", "favourite", "sort", "download", "format", "action", "actor"];
const query = fc.dictionary(fc.constantFrom(...QUERY_KEYS), junkString, { maxKeys: 4 });

/** encodeURIComponent throws on lone surrogates: send their UTF-8-ish bytes raw instead. */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80";
  }
}

interface Tally {
  route: string;
  requests: number;
  "2xx": number;
  "3xx": number;
  "4xx": number;
  "5xx": number;
}

describe("every API route under junk input (SQLite)", () => {
  let s: Studio;
  let user: StudioUser;
  let admin: StudioUser;
  const routes = apiRouteFiles();
  const modules = new Map<string, Record<string, Handler>>();
  const real: string[] = [];
  const tallies = new Map<string, Tally>();
  const failures: string[] = [];

  beforeAll(async () => {
    s = await setupStudio("sqlite");
    user = await s.user("fuzz-all@example.test");
    admin = await s.user("fuzz-all-admin@example.test");
    await s.db.user.update({ where: { id: admin.id }, data: { role: "ADMIN" } });
    const seeded = await seedGenerations(s.db, { users: [user.id], total: 6, seed: 9 });
    const team = await s.db.team.create({ data: { name: "Fuzz team", memberships: { create: { userId: user.id, role: "OWNER" } } } });
    real.push(user.id, team.id, ...seeded.clips.map((c) => c.id));
    for (const r of routes) if (!NOT_IN_PROCESS[r.url]) modules.set(r.url, (await import(r.file)) as Record<string, Handler>);
  });
  afterAll(async () => {
    const rows = [...tallies.values()];
    const total = rows.reduce((t, r) => ({ ...t, requests: t.requests + r.requests, "2xx": t["2xx"] + r["2xx"], "3xx": t["3xx"] + r["3xx"], "4xx": t["4xx"] + r["4xx"], "5xx": t["5xx"] + r["5xx"] }), {
      route: "TOTAL",
      requests: 0,
      "2xx": 0,
      "3xx": 0,
      "4xx": 0,
      "5xx": 0,
    });
    console.table([...rows, total]);
    await s?.drop();
  });

  function tally(route: string, status: number): void {
    const t = tallies.get(route) ?? { route, requests: 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0 };
    t.requests++;
    t[`${Math.min(5, Math.floor(status / 100))}xx` as "2xx"]++;
    tallies.set(route, t);
  }

  const param = fc.oneof(nasty, junkString, fc.constantFrom(...["0".repeat(32), "f".repeat(32), "x".repeat(43)]), fc.nat().map((i) => real[i % Math.max(1, real.length)] ?? ""));

  type Actor = "anon" | "user" | "admin";
  const cookieJunk = fc.constantFrom("", "fh_locale=%", "fh_locale=%E0%A4%A", "fh_locale=zh-CN", "next-auth.session-token=garbage", "fh_workspace=..%2F..");

  function build(r: ApiRouteFile, method: RouteMethod, actor: Actor, junk: string, params: string[], q: Record<string, string>, b: Body): { req: Request; label: string } {
    const path = r.url.replace(/:(?:\.\.\.)?\w+/g, (_m) => enc(params.shift() ?? ""));
    const search = Object.entries(q).map(([k, v]) => `${k}=${enc(v)}`).join("&");
    const headers: Record<string, string> = { host: "localhost:3000", "x-framehouse-client-ip": "203.0.113.9", "idempotency-key": "fuzz-all-00000001" };
    const session = actor === "user" ? user.cookie : actor === "admin" ? admin.cookie : "";
    const cookie = [session, junk].filter(Boolean).join("; ");
    if (cookie) headers.cookie = cookie;
    if (method !== "GET" && method !== "HEAD") headers.origin = ORIGIN;
    let init: RequestInit = { method, headers };
    if (method !== "GET" && method !== "HEAD" && b.kind !== "none") {
      if (b.type) headers["content-type"] = b.type;
      init = b.kind === "text" ? { ...init, body: b.text } : ({ ...init, body: chunkedBody(b.bytes).stream, duplex: "half" } as RequestInit);
    }
    const label = `${method} ${path.slice(0, 80)}${search ? `?${search.slice(0, 80)}` : ""} ${actor} ${junk} ${b.kind === "text" ? `${b.type} ${b.text.slice(0, 80)}` : b.kind}`;
    // Next hands route handlers a NextRequest (next-auth reads its nextUrl).
    return { req: new NextRequest(`${ORIGIN}${path}${search ? `?${search}` : ""}`, init as ConstructorParameters<typeof NextRequest>[1]), label };
  }

  async function settle(res: Response, label: string): Promise<void> {
    if (res.headers.get("content-type")?.startsWith("text/event-stream")) {
      await res.body?.cancel().catch(() => undefined);
      return;
    }
    const text = await res.text();
    if (res.status >= 400) {
      let code: unknown;
      try {
        code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
      } catch {
        code = undefined;
      }
      if (typeof code !== "string") failures.push(`uncoded ${res.status}: ${label}`);
    }
  }

  it("no route method answers ≥ 500, anonymous, signed in or instance admin", { timeout: 600_000 }, async () => {
    for (const r of routes.filter((x) => !NOT_IN_PROCESS[x.url])) {
      const mod = modules.get(r.url)!;
      for (const method of r.methods) {
        for (const actor of ["anon", "user", "admin"] as const) {
          const key = `${method} ${r.url}`;
          await fc.assert(
            fc.asyncProperty(fc.array(param, { minLength: r.segments.length, maxLength: r.segments.length }), query, body, cookieJunk, async (params, q, b, junk) => {
              const values = [...params];
              const { req, label } = build(r, method, actor, junk, [...params], q, b);
              const names = Object.fromEntries(r.segments.map((n, i) => [n, r.url.includes(`:...${n}`) ? [values[i] ?? ""] : (values[i] ?? "")]));
              let res: Response;
              try {
                res = await mod[method]!(req, ctx(names as Record<string, string>));
              } catch (err) {
                failures.push(`threw ${(err as Error).message}: ${label}`);
                tally(key, 500);
                return;
              }
              tally(key, res.status);
              if (res.status >= 500) failures.push(`${res.status}: ${label}`);
              try {
                await settle(res, label);
              } catch (err) {
                failures.push(`body failed ${(err as Error).message}: ${label}`);
              }
            }),
            { seed: SEED, numRuns: RUNS },
          );
        }
      }
    }
    if (failures.length) console.log(`${failures.length} failures:\n${failures.slice(0, 40).join("\n")}`);
    expect(failures.slice(0, 20), `${failures.length} failures`).toEqual([]);
  });

  it("methods no route serves get a coded 405 with Allow on every route path, before any handler", async () => {
    const gate = requestGate({ NEXTAUTH_URL: ORIGIN });
    let reached = 0;
    const server = http.createServer(requestListener({ handle: (_req, res) => void (reached++, res.end()), gate, trustProxy: false }));
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const port = (server.address() as AddressInfo).port;
    try {
      for (const r of routes) {
        for (const method of ["TRACE", "PROPFIND", "MKCOL", "PURGE", "SEARCH", "LINK", "UNLOCK"]) {
          const path = r.url.replace(/:(?:\.\.\.)?\w+/g, "..%2F..%2Fetc");
          const { status, allow, code } = await new Promise<{ status: number; allow?: string; code?: string }>((resolve, reject) => {
            const req = http.request({ host: "127.0.0.1", port, method, path, headers: { host: "localhost:3000" } }, (res) => {
              let text = "";
              res.setEncoding("utf8");
              res.on("data", (c: string) => (text += c));
              res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, code: JSON.parse(text).error?.code }));
            });
            req.on("error", reject);
            req.end();
          });
          tally(`${method} (gate)`, status);
          expect([status, code, allow?.includes("GET")], `${method} ${path}`).toEqual([405, "method_not_allowed", true]);
        }
      }
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
    }
    expect(reached).toBe(0);
  });
});
