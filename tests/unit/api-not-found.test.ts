import { describe, expect, it } from "vitest";
import * as unknownApi from "@/app/api/[...path]/route";

// An /api path no route file claims answers the coded, bilingual JSON 404, not Next's HTML page.
describe("unknown /api paths", () => {
  it.each(["GET", "POST", "PUT", "PATCH", "DELETE"] as const)("%s /api/no/such/route -> coded JSON 404", async (method) => {
    const req = new Request("http://localhost:3000/api/no/such/route", { method, headers: { host: "localhost:3000", "accept-language": "zh-CN" } });
    const res = await unknownApi[method](req);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toBe(body.error.messages["zh-CN"]);
    expect(body.error.messages.en).toBeTruthy();
  });
});
