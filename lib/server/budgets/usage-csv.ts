import "server-only";
import { fenToYuan } from "@/lib/shared/money";
import type { UsageReport } from "@/lib/shared/usage-report-view";

// CSV export of a usage report (RFC 4180: CRLF line ends, fields with a quote, comma or line break
// quoted and their quotes doubled). The file starts with a UTF-8 BOM so Excel reads Chinese names.
// Text that a spreadsheet would run as a formula (leading = + - @, tab or CR) is prefixed with an
// apostrophe (OWASP "CSV injection"); numbers we compute ourselves are written as plain numbers.
//
// Shape (docs/api.md):
//   date,member_email,member_name,clips,spent_yuan      one row per member and local day with activity
//   <blank line>
//   mode,clips,spent_yuan                                one row per mode, then a "total" row (video takes)
//   <blank line>
//   kind,spent_yuan                                      one row per kind of call (video, chat, still,
//                                                        speech), then a "total" row: everything spent

export const BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

/** One text field, safe for spreadsheets and correctly quoted. */
export function csvText(value: string): string {
  const v = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function line(fields: string[]): string {
  return `${fields.join(",")}\r\n`;
}

export function usageCsv(report: UsageReport): string {
  let out = BOM + line(["date", "member_email", "member_name", "clips", "spent_yuan"]);
  for (const day of report.days) {
    for (const m of report.members) {
      const fen = m.perDay[day] ?? 0;
      const clips = m.clipsPerDay[day] ?? 0;
      if (fen === 0 && clips === 0) continue;
      out += line([day, csvText(m.email), csvText(m.name ?? ""), String(clips), fenToYuan(fen)]);
    }
  }
  out += "\r\n" + line(["mode", "clips", "spent_yuan"]);
  let clips = 0;
  let fen = 0;
  for (const p of report.perMode) {
    out += line([p.mode, String(p.clips), fenToYuan(p.fen)]);
    clips += p.clips;
    fen += p.fen;
  }
  out += line(["total", String(clips), fenToYuan(fen)]);
  out += "\r\n" + line(["kind", "spent_yuan"]);
  let all = 0;
  for (const k of report.perKind) {
    out += line([k.kind, fenToYuan(k.fen)]);
    all += k.fen;
  }
  out += line(["total", fenToYuan(all)]);
  return out;
}

/** ASCII-safe piece of a file name ("Studio 北京" → "Studio"); falls back to the id. */
function slug(name: string, fallback: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return s || fallback;
}

/** attachment; filename="usage-<team>-<month>.csv" plus the UTF-8 name (RFC 6266 filename*). */
export function usageCsvDisposition(teamName: string, teamId: string, month: string): string {
  const ascii = `usage-${slug(teamName, teamId)}-${month}.csv`;
  const safeName = [...teamName].map((c) => (c.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(c) ? "-" : c)).join("");
  const utf8Name = `usage-${safeName.slice(0, 80)}-${month}.csv`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8Name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
