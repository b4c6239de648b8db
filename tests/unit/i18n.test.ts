import { describe, expect, it } from "vitest";
import { deviceLocaleOf, localeOfHeaders, negotiateLocale, resolveLocale } from "@/lib/i18n/locales";
import { en } from "@/lib/i18n/messages/en";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import { format, translate } from "@/lib/i18n/translate";

// `{name}` or the start of a plural, `{name, plural, ...}`: both languages use the same variables.
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)(?=\}|, plural,)/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("zh-CN translates every English key, with the same placeholders", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zhCN[key], key).toBeTruthy();
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it("formats placeholders and leaves unknown ones visible", () => {
    expect(format("Hi {name}, {x}", { name: "Ada" })).toBe("Hi Ada, {x}");
    expect(translate("zh-CN", "auth.error.throttled", { seconds: 30 })).toBe("失败次数过多，请在 30 秒后重试。");
  });
});

describe("plurals", () => {
  it("English picks one or other by the count; Chinese has no plural forms", () => {
    expect(translate("en", "studio.history.count", { count: 1 })).toBe("1 prompt");
    expect(translate("en", "studio.history.count", { count: 2 })).toBe("2 prompts");
    expect(translate("en", "studio.history.count", { count: 0 })).toBe("0 prompts");
    expect(translate("zh-CN", "studio.history.count", { count: 1 })).toBe("1 条提示词");
    expect(translate("en", "gallery.delete.skipped", { count: 1 })).toBe("1 clip is still being made and was kept.");
    expect(translate("en", "gallery.bulk.tagged", { tag: "sea", count: 1 })).toBe("Tag sea added to 1 clip.");
    expect(translate("en", "auth.error.throttled", { seconds: "1" })).toBe("Too many failed attempts. Try again in 1 second.");
  });

  it("exact matches, a missing or non-numeric count, and text around the plural", () => {
    const t = "{n, plural, =0 {none} one {# item} other {# items}} in {box}";
    expect(format(t, { n: 0, box: "A" }, "en")).toBe("none in A");
    expect(format(t, { n: 1, box: "A" }, "en")).toBe("1 item in A");
    expect(format(t, { n: 5, box: "A" }, "zh-CN")).toBe("5 items in A");
    expect(format(t, { box: "A" }, "en")).toBe("{n, plural, =0 {none} one {# item} other {# items}} in A");
    expect(format(t, { n: "many", box: "A" }, "en")).toBe("{n, plural, =0 {none} one {# item} other {# items}} in A");
  });

  it("no English message counts without plural handling (\"{count} clips\" reads \"1 clips\", \"{count} take(s)\" is a shrug)", () => {
    for (const [key, text] of Object.entries(en)) {
      expect(text, key).not.toMatch(/\{(count|n|seconds|members|shots|takes)\} [a-z]+s\b/);
      expect(text, key).not.toMatch(/\{(count|n|seconds|members|shots|takes)\} [a-z ]*\(s\)/);
    }
  });
});

describe("negotiateLocale", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-US,en;q=0.9", "en"],
    ["fr-FR,zh;q=0.5,en;q=0.4", "zh-CN"],
    ["fr-FR,en;q=0.5,zh;q=0.4", "en"],
    ["zh;q=0,en", "en"],
    ["de", "en"],
    ["*;;;q=abc, zh", "zh-CN"],
  ])("%s -> %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("resolveLocale: device cookie, then the account's saved language, then Accept-Language", () => {
  it.each([
    ["en", "zh-CN", "zh-CN", "en"],
    ["zh-CN", "en", "en", "zh-CN"],
    [undefined, "zh-CN", "en-US", "zh-CN"],
    [undefined, "en", "zh-CN", "en"],
    [undefined, null, "zh-CN", "zh-CN"],
    ["fr", "zh-CN", "en", "zh-CN"],
    ["fr", "xx", "en", "en"],
    [null, undefined, null, "en"],
  ] as const)("device %s, account %s, browser %s -> %s", (device, account, browser, expected) => {
    expect(resolveLocale(device, account, browser)).toBe(expected);
  });

  it("reads the device's choice from a raw Cookie header; a malformed one is no choice", () => {
    expect(deviceLocaleOf("a=1; fh_locale=zh-CN; b=2")).toBe("zh-CN");
    expect(deviceLocaleOf("xfh_locale=zh-CN")).toBeUndefined();
    expect(deviceLocaleOf("fh_locale=%E0%A4%A")).toBeUndefined();
    expect(localeOfHeaders("fh_locale=%", "zh")).toBe("zh-CN");
    expect(localeOfHeaders("fh_locale=en", "zh")).toBe("en");
  });
});
