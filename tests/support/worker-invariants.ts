// The oracle every worker test ends with (docs/reliability.md, "The invariants"): I1 no double accept per request_id,
// I2 every accepted task is referenced by its row (or the row is ORPHANED, or an admin closed it while
// HELD: FAILED "unconfirmed"), I3 money adds up,
// I5 storage matches the database (the poster and preview exactly when the take's derivatives job is DONE). Returns the status histogram for reporting.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { Db } from "@/lib/server/db";
import { DERIVATIVES_JOB } from "@/lib/server/generations/derivatives/derivatives-job";
import type { SimStats } from "@/lib/simulator/sim-stats";

const REFUNDED = new Set(["REJECTED", "FAILED", "EXPIRED", "ORPHANED", "CANCELLED"]);

export async function checkInvariants(opts: { db: Db; stats: SimStats; mediaRoot: string }): Promise<Record<string, number>> {
  const { db, stats, mediaRoot } = opts;
  const rows = await db.generation.findMany({ include: { assets: true, ledger: true } });
  const histogram: Record<string, number> = {};
  for (const r of rows) histogram[r.status] = (histogram[r.status] ?? 0) + 1;

  // I1: the simulator accepted each request_id at most once.
  for (const [rid, n] of Object.entries(stats.acceptsByRequestId)) expect(n, `accepts for ${rid}`).toBeLessThanOrEqual(1);

  // I2: every accepted request_id belongs to a row that knows its task, or to an ORPHANED row.
  const byRequest = new Map(rows.map((r) => [r.upstreamRequestId, r]));
  let acceptedOrphans = 0;
  for (const rid of Object.keys(stats.acceptsByRequestId)) {
    const row = byRequest.get(rid);
    expect(row, `row for accepted ${rid}`).toBeDefined();
    if (!row) continue;
    if (row.status === "ORPHANED" || row.errorCode === "unconfirmed") acceptedOrphans++;
    else expect(row.upstreamTaskId, `task id of ${row.id} (${row.status})`).toBeTruthy();
  }

  // I3: one HOLD per clip; CHARGE exactly for acknowledged accepts; REFUND exactly for refunded ends.
  let charges = 0;
  for (const r of rows) {
    const kinds = r.ledger.map((l) => l.kind).sort();
    expect(kinds.filter((k) => k === "HOLD")).toHaveLength(1);
    const charged = kinds.includes("CHARGE");
    if (charged) charges++;
    expect(charged, `CHARGE of ${r.id} (${r.status})`).toBe(r.upstreamTaskId !== null);
    expect(kinds.includes("REFUND"), `REFUND of ${r.id} (${r.status})`).toBe(REFUNDED.has(r.status));
  }
  expect(charges).toBe(stats.totalAccepts - acceptedOrphans);

  // I5: STORED rows have their objects with matching size and sha256; nothing else is stored.
  const clipsDir = path.join(mediaRoot, "clips");
  const onDisk = fs.existsSync(clipsDir) ? fs.readdirSync(clipsDir) : [];
  for (const r of rows) {
    if (r.status !== "STORED") {
      expect(onDisk.includes(r.id), `objects of non-stored ${r.id}`).toBe(false);
      continue;
    }
    // Playable at STORED (video and cover); the poster and preview once its derivatives job is DONE,
    // never when that job failed or has not run yet.
    const derived = (await db.job.findUnique({ where: { kind_subjectId: { kind: DERIVATIVES_JOB, subjectId: r.id } } }))?.status;
    expect(r.assets.map((a) => a.kind).sort()).toEqual(derived === "DONE" ? ["COVER", "POSTER", "PREVIEW", "VIDEO"] : ["COVER", "VIDEO"]);
    // Every object in the clip's folder has its Asset row (an interrupted attempt's leftovers are overwritten or removed).
    const files = fs.readdirSync(path.join(clipsDir, r.id)).sort();
    expect(files, `objects of ${r.id}`).toEqual(r.assets.map((a) => a.storageKey.split("/").pop()).sort());
    for (const a of r.assets) {
      const file = path.join(mediaRoot, ...a.storageKey.split("/"));
      const bytes = fs.readFileSync(file);
      expect(bytes.length).toBe(a.bytes);
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(a.sha256);
    }
    const video = r.assets.find((a) => a.kind === "VIDEO");
    expect(video?.sha256).toBe(r.sha256);
    expect(video?.bytes).toBe(r.bytes);
    expect(r.durationMs).toBeGreaterThan(3500);
  }
  const stray = onDisk.filter((id) => !rows.some((r) => r.id === id && r.status === "STORED"));
  expect(stray).toEqual([]);
  return histogram;
}
