import { describe, expect, it } from "vitest";
import { BOM, csvText, usageCsv, usageCsvDisposition } from "@/lib/server/budgets/usage-csv";
import { monthDays, shiftMonth } from "@/lib/server/budgets/usage-report";
import type { UsageReport } from "@/lib/shared/usage-report-view";

describe("usage CSV", () => {
  it("quotes fields with commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvText("plain")).toBe("plain");
    expect(csvText("a,b")).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText("two\nlines")).toBe('"two\nlines"');
    expect(csvText("cr\rhere")).toBe('"cr\rhere"');
    expect(csvText("王小明")).toBe("王小明");
    expect(csvText("")).toBe("");
  });

  it("neutralises spreadsheet formulas: leading = + - @ tab CR get an apostrophe", () => {
    expect(csvText("=1+1")).toBe("'=1+1");
    expect(csvText("+86 138")).toBe("'+86 138");
    expect(csvText("-2")).toBe("'-2");
    expect(csvText("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvText("\t=cmd")).toBe("'\t=cmd");
    expect(csvText('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvText("a=b")).toBe("a=b");
  });

  it("writes a BOM, CRLF rows for member-days with activity, the per-mode and the per-kind sections", () => {
    const days = ["2026-11-01", "2026-11-02"];
    const report = {
      days,
      members: [
        { userId: "u1", name: "=evil()", email: "a@x.test", member: true, perDay: { "2026-11-01": 250, "2026-11-02": 0 }, clipsPerDay: { "2026-11-01": 1, "2026-11-02": 0 } },
        { userId: "u2", name: null, email: "b@x.test", member: false, perDay: { "2026-11-01": 0, "2026-11-02": -300 }, clipsPerDay: { "2026-11-01": 0, "2026-11-02": 0 } },
      ],
      perMode: [
        { mode: "text", clips: 1, fen: 250 },
        { mode: "image", clips: 0, fen: -300 },
        { mode: "start-end", clips: 0, fen: 0 },
      ],
      perKind: [
        { kind: "video", fen: -50 },
        { kind: "chat", fen: 3 },
        { kind: "still", fen: 12 },
        { kind: "speech", fen: 0 },
      ],
    } as unknown as UsageReport;
    expect(usageCsv(report)).toBe(
      BOM +
        "date,member_email,member_name,clips,spent_yuan\r\n" +
        "2026-11-01,a@x.test,'=evil(),1,2.50\r\n" +
        "2026-11-02,b@x.test,,0,-3.00\r\n" +
        "\r\n" +
        "mode,clips,spent_yuan\r\ntext,1,2.50\r\nimage,0,-3.00\r\nstart-end,0,0.00\r\ntotal,1,-0.50\r\n" +
        "\r\n" +
        "kind,spent_yuan\r\nvideo,-0.50\r\nchat,0.03\r\nstill,0.12\r\nspeech,0.00\r\ntotal,-0.35\r\n",
    );
  });

  it("Content-Disposition: ASCII fallback name plus the UTF-8 name; no quote or path breaks out", () => {
    expect(usageCsvDisposition("Studio 北京", "t1", "2026-11")).toBe(
      `attachment; filename="usage-Studio-2026-11.csv"; filename*=UTF-8''usage-Studio%20%E5%8C%97%E4%BA%AC-2026-11.csv`,
    );
    expect(usageCsvDisposition("北京", "team123", "2026-11")).toContain('filename="usage-team123-2026-11.csv"');
    const evil = usageCsvDisposition('a"; filename=x.exe\r\n/../', "t1", "2026-11");
    expect(evil.split('"').length).toBe(3);
    expect(evil).not.toMatch(/[\r\n]/);
    expect(evil).toContain("filename*=UTF-8''usage-a-%3B%20filename%3Dx.exe---..--2026-11.csv");
  });
});

describe("usage months", () => {
  it("shifts months across years", () => {
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-11", 0)).toBe("2026-11");
  });

  it("lists local days with their UTC midnights (Shanghai UTC+8; New York across DST)", () => {
    const sh = monthDays("2026-02", "Asia/Shanghai");
    expect(sh.days).toHaveLength(28);
    expect(sh.bounds).toHaveLength(29);
    expect(sh.bounds[0]!.toISOString()).toBe("2026-01-31T16:00:00.000Z");
    expect(sh.bounds[28]!.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    const ny = monthDays("2026-03", "America/New_York");
    expect(ny.days).toHaveLength(31);
    expect(ny.bounds[7]!.toISOString()).toBe("2026-03-08T05:00:00.000Z"); // EST
    expect(ny.bounds[8]!.toISOString()).toBe("2026-03-09T04:00:00.000Z"); // EDT
    expect(monthDays("2028-02", "UTC").days.at(-1)).toBe("2028-02-29");
  });
});
