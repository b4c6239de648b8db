// The audit log is append-only: no code in lib/ or app/ may update or delete AuditEvent
// rows, through the Prisma delegate or raw SQL. This scans the source; the scanner itself is tested
// on planted examples so a broken pattern cannot pass silently.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

const PATTERNS: RegExp[] = [
  // prisma.auditEvent.update(…), tx.auditEvent?.deleteMany(…), client["auditEvent"].upsert(…), across line breaks
  /\bauditEvent\s*(?:\?\.|\.|\[\s*["'`])\s*(?:update|updateMany|updateManyAndReturn|delete|deleteMany|upsert)\b/,
  /\[\s*["'`]auditEvent["'`]\s*\]\s*(?:\?\.|\.)\s*(?:update|updateMany|updateManyAndReturn|delete|deleteMany|upsert)\b/,
  // raw SQL: UPDATE "AuditEvent" …, DELETE FROM "AuditEvent", TRUNCATE "AuditEvent"
  /\b(?:update|delete\s+from|truncate(?:\s+table)?)\s+["'`]?AuditEvent\b/i,
];

/** Offending snippets in one source text (empty = clean). */
function appendOnlyViolations(source: string): string[] {
  const hits: string[] = [];
  for (const re of PATTERNS) {
    const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
    for (const m of source.matchAll(g)) hits.push(m[0]);
  }
  return hits;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "node_modules" || p === path.join(root, "lib/generated")) continue;
      out.push(...sourceFiles(p));
    } else if (/\.(ts|tsx|js|mjs|cjs|sql)$/.test(entry.name)) {
      out.push(p);
    }
  }
  return out;
}

describe("audit log is append-only", () => {
  it("the scanner catches planted updates and deletes (delegate, optional chaining, brackets, line breaks, raw SQL)", () => {
    const planted = [
      "await prisma.auditEvent.update({ where: { id }, data: {} })",
      "await tx.auditEvent.delete({ where: { id } })",
      "await db().auditEvent.upsert({ where: { id }, create: {}, update: {} })",
      "await tx.auditEvent.updateMany({ data: { action: 'x' } })",
      "await tx.auditEvent.deleteMany({})",
      "await tx.auditEvent\n    .deleteMany({})",
      "await tx?.auditEvent?.delete({ where: { id } })",
      'await tx["auditEvent"].update({})',
      "await tx.$executeRaw`DELETE FROM \"AuditEvent\" WHERE id = ${id}`",
      'await tx.$executeRawUnsafe(\'UPDATE "AuditEvent" SET action = $1\', a)',
      "await tx.$executeRawUnsafe('truncate table AuditEvent')",
    ];
    for (const src of planted) expect(appendOnlyViolations(src), src).not.toEqual([]);
    // Reading and appending are fine.
    for (const ok of ["tx.auditEvent.create({ data })", "client.auditEvent.findMany({ where })", "auditEvent.count()", "const updatedAt = 1; // auditEvent"]) {
      expect(appendOnlyViolations(ok), ok).toEqual([]);
    }
  });

  it("no file in lib/ or app/ updates or deletes AuditEvent rows", () => {
    const files = [...sourceFiles(path.join(root, "lib")), ...sourceFiles(path.join(root, "app"))];
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.endsWith(path.join("lib", "server", "audit", "record-audit.ts")))).toBe(true);
    const offenders = files
      .map((f) => ({ file: path.relative(root, f), hits: appendOnlyViolations(fs.readFileSync(f, "utf8")) }))
      .filter((x) => x.hits.length > 0);
    expect(offenders).toEqual([]);
  });
});
