import "server-only";
import { fenToYuan } from "@/lib/shared/money";
import { BOM, csvText } from "../budgets/usage-csv";

// The manifest of a zip export: what each clip is, so a producer who hands the zip to an editor or a
// client keeps the prompt, the settings, the times and the cost with the files. The same rows as JSON
// (for tools) and as CSV (for spreadsheets; RFC 4180 with a BOM, formula-safe, like the usage CSV).

export interface ManifestRow {
  file: string;
  poster: string | null;
  id: string;
  prompt: string;
  mode: string;
  model: string;
  style: string | null;
  aspectRatio: string | null;
  movementAmplitude: string | null;
  createdAt: string;
  finishedAt: string | null;
  costFen: number;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  sha256: string | null;
}

const COLUMNS = ["file", "poster", "id", "prompt", "mode", "model", "style", "aspect_ratio", "movement_amplitude", "created_at", "finished_at", "cost_yuan", "duration_s", "width", "height", "sha256"] as const;

/** A clip's request parameters as stored (validated at creation); unknown or missing ones read null. */
export function paramOf(params: unknown, key: string): string | null {
  const v = params && typeof params === "object" ? (params as Record<string, unknown>)[key] : undefined;
  return typeof v === "string" ? v : null;
}

export function manifestJson(rows: ManifestRow[], exportedAt: Date): string {
  return `${JSON.stringify({ exportedAt: exportedAt.toISOString(), clips: rows.map((r) => ({ ...r, costYuan: fenToYuan(r.costFen) })) }, null, 2)}\n`;
}

export function manifestCsv(rows: ManifestRow[]): string {
  const text = (v: string | null) => csvText(v ?? "");
  const num = (v: number | null) => (v === null ? "" : String(v));
  const lines = rows.map((r) =>
    [
      text(r.file),
      text(r.poster),
      text(r.id),
      text(r.prompt),
      text(r.mode),
      text(r.model),
      text(r.style),
      text(r.aspectRatio),
      text(r.movementAmplitude),
      r.createdAt,
      r.finishedAt ?? "",
      fenToYuan(r.costFen),
      r.durationMs === null ? "" : (r.durationMs / 1000).toFixed(3),
      num(r.width),
      num(r.height),
      text(r.sha256),
    ].join(","),
  );
  return BOM + [COLUMNS.join(","), ...lines].map((l) => `${l}\r\n`).join("");
}
