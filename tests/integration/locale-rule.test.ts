// The one language rule (docs/architecture.md, "Language and time zone") on the server, against a real
// database: a page's first render (getLocale) and an API answer (route()) take this device's cookie
// first, then the signed-in account's saved language, then Accept-Language. Only the request scope
// Next gives a server component is stood in for (there is no request outside Next): its cookies and headers.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { providers } from "../support/test-db";
import { getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

const request = vi.hoisted(() => ({ cookie: "", acceptLanguage: "" }));

vi.mock("next/headers", async (original) => {
  const jar = () =>
    request.cookie
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => ({ name: part.slice(0, part.indexOf("=")), value: decodeURIComponent(part.slice(part.indexOf("=") + 1)) }));
  return {
    ...(await original<typeof import("next/headers")>()),
    cookies: async () => ({ get: (name: string) => jar().find((c) => c.name === name), getAll: jar }),
    headers: async () => new Headers(request.acceptLanguage ? { "accept-language": request.acceptLanguage } : {}),
  };
});

describe.each(providers())("the language rule on %s", (kind) => {
  let s: Studio;
  let chinese: StudioUser;
  let unset: StudioUser;
  let getLocale: typeof import("@/lib/server/locale").getLocale;
  let account: typeof import("@/app/api/account/route");

  beforeAll(async () => {
    s = await setupStudio(kind);
    chinese = await s.user(`zh-${kind}@locale.test`);
    await s.db.user.update({ where: { id: chinese.id }, data: { locale: "zh-CN" } });
    unset = await s.user(`none-${kind}@locale.test`);
    ({ getLocale } = await import("@/lib/server/locale"));
    account = await import("@/app/api/account/route");
  });
  afterAll(async () => s?.drop());
  beforeEach(() => {
    request.cookie = "";
    request.acceptLanguage = "";
  });

  it("first render: the account's saved language beats an English browser on a device that chose none", async () => {
    request.cookie = chinese.cookie;
    request.acceptLanguage = "en-US,en;q=0.9";
    expect(await getLocale()).toBe("zh-CN");
  });

  it("first render: this device's choice beats the account", async () => {
    request.cookie = `${chinese.cookie}; fh_locale=en`;
    request.acceptLanguage = "zh-CN";
    expect(await getLocale()).toBe("en");
  });

  it("first render: no saved language, or signed out, or a malformed choice → Accept-Language", async () => {
    request.cookie = unset.cookie;
    request.acceptLanguage = "zh-TW";
    expect(await getLocale()).toBe("zh-CN");
    request.cookie = "";
    request.acceptLanguage = "en";
    expect(await getLocale()).toBe("en");
    request.cookie = `${chinese.cookie}; fh_locale=fr`;
    request.acceptLanguage = "en";
    expect(await getLocale()).toBe("zh-CN"); // an unknown device value is no choice; the account's counts
  });

  it("the account's language follows a change made on another device", async () => {
    request.cookie = unset.cookie;
    request.acceptLanguage = "en";
    expect(await getLocale()).toBe("en");
    await s.db.user.update({ where: { id: unset.id }, data: { locale: "zh-CN" } });
    expect(await getLocale()).toBe("zh-CN");
    await s.db.user.update({ where: { id: unset.id }, data: { locale: null } });
  });

  it("API answers follow the same rule: a signed-in error is in the account's language, unless the device chose", async () => {
    const bad = (cookie: string) =>
      account.PATCH(getRequest({ id: "", cookie }, "/api/account", { origin: "http://localhost:3000", "content-type": "application/json", "accept-language": "en" }, { method: "PATCH", body: JSON.stringify({ email: "x@y.test" }) }));
    const zh = await bad(chinese.cookie);
    expect(zh.status).toBe(422);
    const zhBody = (await zh.json()).error;
    expect(zhBody.message).toBe(zhBody.messages["zh-CN"]);
    const en = await bad(`${chinese.cookie}; fh_locale=en`);
    const enBody = (await en.json()).error;
    expect(enBody.message).toBe(enBody.messages.en);
    expect(enBody.message).not.toBe(zhBody.message);
  });
});
