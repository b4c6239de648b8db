import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/lib/i18n/locales";
import { en } from "@/lib/i18n/messages/en";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import { format, translate } from "@/lib/i18n/translate";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

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
