// Every request body is read through the capped reader (lib/server/http/read-body.ts): a chunked body
// without Content-Length, far over the cap, is answered 413 with a coded error after reading at most
// the cap plus one chunk. The server's memory cannot grow with the body because it stops pulling.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunkedBody, chunkedRequest } from "../support/chunked-body";
import { setupStudio, type Studio, type StudioUser } from "./generations-api-support";

const HUGE = 256 * 1024 * 1024;
const SLACK = 128 * 1024;

describe("request bodies are capped while streaming (SQLite)", () => {
  let s: Studio;
  let alice: StudioUser;
  beforeAll(async () => {
    s = await setupStudio("sqlite");
    alice = await s.user("body-cap@example.test");
  });
  afterAll(async () => s?.drop());

  const cases = [
    { name: "export form post", url: "/api/generations/export", type: "application/x-www-form-urlencoded", cap: 16 * 1024, code: "payload_too_large", prefix: "ids=" },
    { name: "export JSON", url: "/api/generations/export", type: "application/json", cap: 16 * 1024, code: "payload_too_large", prefix: '{"ids":["' },
    { name: "submit JSON", url: "/api/generations", type: "application/json", cap: 64 * 1024, code: "payload_too_large", prefix: '{"prompt":"' },
    { name: "next-auth sign-in form", url: "/api/auth/callback/credentials", type: "application/x-www-form-urlencoded", cap: 16 * 1024, code: "payload_too_large", prefix: "email=" },
    { name: "multipart upload", url: "/api/uploads", type: "multipart/form-data; boundary=x", cap: 10 * 1024 * 1024 + 64 * 1024, code: "upload_too_large", prefix: "--x\r\n" },
  ];

  it.each(cases)("$name: 413 coded, stops reading at the cap", async ({ url, type, cap, code, prefix }) => {
    const handlers = {
      "/api/generations/export": async (r: Request) => (await import("@/app/api/generations/export/route")).POST(r),
      "/api/generations": s.routes.generations.POST,
      "/api/uploads": s.routes.uploads.POST,
      "/api/auth/callback/credentials": async (r: Request) =>
        (await import("@/app/api/auth/[...nextauth]/route")).POST(r, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) }),
    } as Record<string, (r: Request) => Promise<Response>>;
    const body = chunkedBody(HUGE, "a", prefix);
    const headers: Record<string, string> = { cookie: alice.cookie, "content-type": type, "idempotency-key": "body-cap-0001" };
    const res = await handlers[url]!(chunkedRequest(url, body, headers));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe(code);
    expect(body.pulled()).toBeLessThanOrEqual(cap + SLACK);
  });

  it("next-auth gets malformed JSON refused as a coded 400 instead of throwing", async () => {
    const { POST } = await import("@/app/api/auth/[...nextauth]/route");
    const req = new Request("http://localhost:3000/api/auth/callback/credentials", {
      method: "POST",
      headers: { host: "localhost:3000", "content-type": "application/json" },
      body: '{"email":',
    });
    const res = await POST(req, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_json");
  });
});
