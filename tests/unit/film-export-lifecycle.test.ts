import { describe, expect, it } from "vitest";
import { translate } from "@/lib/i18n/translate";
import { canExportTransition, EXPORT_CANCELLABLE, exportReason, exportSourcesOf } from "@/lib/shared/film/film-export-lifecycle";
import { FILM_EXPORT_STATUSES } from "@/lib/shared/film/film-export-view";

// The film export's life-cycle table against its diagram written out edge by edge (docs/architecture.md,
// "A film export"), and its closed set of failure reasons with a message in both languages.

const EDGES = new Set([
  "QUEUED>RENDERING", "QUEUED>CANCELLED", "QUEUED>FAILED",
  "RENDERING>RENDERING", "RENDERING>READY", "RENDERING>FAILED", "RENDERING>CANCELLED",
]);

describe("film export life-cycle", () => {
  it("allows exactly the diagram's edges; READY, FAILED and CANCELLED are terminal", () => {
    for (const from of FILM_EXPORT_STATUSES) for (const to of FILM_EXPORT_STATUSES) expect(canExportTransition(from, to), `${from}>${to}`).toBe(EDGES.has(`${from}>${to}`));
    expect(exportSourcesOf("CANCELLED")).toEqual([...EXPORT_CANCELLABLE]);
    expect(exportSourcesOf("READY")).toEqual(["RENDERING"]);
  });

  it("maps every end code to a reason with a message in both languages; unknown codes are render_failed", () => {
    for (const code of ["takes_missing", "input_invalid", "render_failed", "worker_error", "cancelled"]) {
      expect(exportReason(code)).toBe(code);
      for (const locale of ["en", "zh-CN"] as const) expect(translate(locale, `filmExport.reason.${exportReason(code)}`)).not.toMatch(/^filmExport\./);
    }
    expect(exportReason("dependency_failed")).toBe("render_failed");
  });
});
