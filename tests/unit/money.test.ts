import { describe, expect, it } from "vitest";
import { fenToInput, fenToYuan, formatFen, yuanToFen } from "@/lib/shared/money";

describe("money helpers", () => {
  it("writes fen as plain yuan with two decimals, negatives included (CSV)", () => {
    expect(fenToYuan(0)).toBe("0.00");
    expect(fenToYuan(5)).toBe("0.05");
    expect(fenToYuan(1250)).toBe("12.50");
    expect(fenToYuan(-300)).toBe("-3.00");
    expect(fenToYuan(-5)).toBe("-0.05");
    expect(fenToYuan(123456789)).toBe("1234567.89");
  });

  it("formats fen as ¥ with grouping and two decimals", () => {
    expect(formatFen(1250)).toBe("¥12.50");
    expect(formatFen(0)).toBe("¥0.00");
    expect(formatFen(123456789)).toBe("¥1,234,567.89");
    expect(formatFen(-300)).toBe("-¥3.00");
  });

  it("formats like Intl's CNY narrowSymbol currency in both UI languages", () => {
    for (const locale of ["en", "zh-CN"]) {
      const intl = new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", currencyDisplay: "narrowSymbol" });
      for (const fen of [0, 1, 29, 250, 99_999, 100_000, 123_456_789, -5, -300]) expect(formatFen(fen), `${locale} ${fen}`).toBe(intl.format(fen / 100));
    }
  });

  it("parses yuan input exactly (no floating point), rejects junk and more than two decimals", () => {
    expect(yuanToFen("120")).toBe(12_000);
    expect(yuanToFen(" 120.5 ")).toBe(12_050);
    expect(yuanToFen("0.29")).toBe(29);
    expect(yuanToFen("¥1,200.00")).toBe(120_000);
    expect(yuanToFen("0")).toBe(0);
    expect(yuanToFen("10000000")).toBe(1_000_000_000);
    for (const bad of ["", ".", "-1", "1.234", "abc", "1e3", "10000000.01", "1.2.3", "¥", "元"]) expect(yuanToFen(bad), bad).toBeNull();
    // As people type them: a leading or trailing point, and what a Chinese input method produces.
    expect(yuanToFen(".5")).toBe(50);
    expect(yuanToFen("1.")).toBe(100);
    expect(yuanToFen("５")).toBe(500);
    expect(yuanToFen("１２０．５")).toBe(12_050);
    expect(yuanToFen("￥１，２００")).toBe(120_000);
    expect(yuanToFen("12。5")).toBe(1_250);
    expect(yuanToFen("30元")).toBe(3_000);
    expect(fenToInput(12_050)).toBe("120.50");
    expect(fenToInput(null)).toBe("");
    expect(yuanToFen(fenToInput(29))).toBe(29);
  });
});
