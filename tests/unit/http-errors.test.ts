import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http/respond";
import { assertSameOrigin } from "@/lib/server/http/same-origin";

describe("errorResponse", () => {
  it("maps AppError codes to status and a bilingual body", async () => {
    const res = errorResponse(new AppError("not_found"), "en");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "not_found", message: "Not found.", messages: { en: "Not found.", "zh-CN": "未找到。" } },
    });
  });

  it("hides unknown errors behind a 500 with a correlation id and nothing internal", async () => {
    const res = errorResponse(new Error("SELECT * FROM secret_table at /srv/app/x.ts:12"), "zh-CN");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret_table");
    expect(text).not.toContain("/srv/app");
    const body = JSON.parse(text);
    expect(body.error.code).toBe("internal");
    expect(body.error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error.message).toContain(body.error.correlationId);
  });
});

describe("assertSameOrigin", () => {
  const req = (headers: Record<string, string>) => new Request("http://app.test/api/x", { method: "POST", headers: { host: "app.test", ...headers } });
  it("allows same-origin and non-browser requests", () => {
    expect(() => assertSameOrigin(req({ origin: "http://app.test" }))).not.toThrow();
    expect(() => assertSameOrigin(req({}))).not.toThrow();
    expect(() => assertSameOrigin(req({ "sec-fetch-site": "same-origin" }))).not.toThrow();
  });
  it("refuses cross-site, null and malformed origins", () => {
    const cases: Record<string, string>[] = [{ origin: "http://evil.test" }, { origin: "null" }, { origin: "::::" }, { "sec-fetch-site": "cross-site" }, { origin: "http://app.test.evil.test" }];
    for (const h of cases) {
      expect(() => assertSameOrigin(req(h)), JSON.stringify(h)).toThrow(AppError);
    }
  });
});
