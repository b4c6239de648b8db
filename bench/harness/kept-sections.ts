// bench/results.md holds, besides what a full `npm run bench` writes, sections no full run measures:
// T1 (test-suite wall time, from `npm test` runs) and the targeted runs of `--only=<ids>` (one
// section per set of ids, replaced by the next run of the same ids). A full run rewrites the file
// and keeps those; a targeted run replaces or adds only its own section.

const SECTION = /\n## [^\n]*\n[\s\S]*?(?=\n## |$)/g;

/** The heading that starts the section of a targeted run of `ids` (what a later run of the same ids replaces). */
export function targetedHeading(ids: readonly string[]): string {
  return `## ${ids.join(" / ")} (targeted run`;
}

const kept = (section: string) => section.startsWith("\n## T1") || /^\n## [^\n]*\(targeted run/.test(section);

/** The sections of `doc` a full run keeps, each starting with "\n## ". */
export function keptSections(doc: string): string[] {
  return (doc.match(SECTION) ?? []).filter(kept);
}

/** A full run's document with the kept sections after it (targeted runs first, T1 last). */
export function withKeptSections(md: string, sections: readonly string[]): string {
  const ordered = [...sections.filter((s) => !s.startsWith("\n## T1")), ...sections.filter((s) => s.startsWith("\n## T1"))];
  return `${[md.trimEnd(), ...ordered.map((s) => s.trim())].join("\n\n")}\n`;
}

/**
 * `doc` with the targeted section `section` (starting with targetedHeading(ids)) in place of the
 * earlier one of the same ids, or, the first time, before "## Where the time went" (else at the end).
 */
export function upsertTargeted(doc: string, ids: readonly string[], section: string): string {
  const body = `\n${section.trim()}\n`;
  const heading = `\n${targetedHeading(ids)}`;
  const earlier = (doc.match(SECTION) ?? []).find((s) => s.startsWith(heading));
  if (earlier) return doc.replace(earlier, () => (earlier.endsWith("\n") ? body : body.trimEnd()));
  const at = doc.indexOf("\n## Where the time went");
  if (at < 0) return `${doc.trimEnd()}\n${body}`;
  return `${doc.slice(0, at)}${body}${doc.slice(at)}`;
}
