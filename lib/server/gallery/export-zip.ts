import "server-only";
import type { Readable } from "node:stream";
import { MODE_OF_DB } from "@/lib/shared/generation-mode";
import type { Db } from "../db";
import { AppError } from "../errors";
import { downloadName } from "../generations/serve-clip-media";
import { streamZip } from "../media/stream-zip";
import { webBody } from "../media/web-body";
import { type Access, canDownload } from "../permissions";
import type { Storage } from "../storage";
import { type ManifestRow, manifestCsv, manifestJson, paramOf } from "./export-manifest";

// POST /api/generations/export: the selected clips' original videos as one zip, streamed
// (media/stream-zip.ts: one entry at a time, the next clip's object opened only after the previous
// entry is written, so an S3 driver never holds 100 connections; videos STOREd). Names are the same
// meaningful names as a single download, made unique. Each clip's poster sits beside it when it has
// one, and manifest.json / manifest.csv (export-manifest.ts) come first: small, built in memory, they
// say what every file is.

interface ExportEntry {
  name: string;
  storageKey: string;
  date: Date;
}

interface ExportPlan {
  files: ExportEntry[];
  manifest: ManifestRow[];
}

/** The visible clips among `ids` that have a stored video, in the order asked for, with their posters. */
async function exportPlan(client: Db, access: Access, ids: string[]): Promise<ExportPlan> {
  const unique = [...new Set(ids)];
  const rows = await client.generation.findMany({
    where: { id: { in: unique } },
    select: {
      id: true,
      ownerId: true,
      teamId: true,
      deletedAt: true,
      prompt: true,
      createdAt: true,
      mode: true,
      model: true,
      params: true,
      costFen: true,
      finishedAt: true,
      durationMs: true,
      width: true,
      height: true,
      sha256: true,
      assets: { where: { kind: { in: ["VIDEO", "POSTER"] } }, select: { kind: true, storageKey: true } },
    },
  });
  const videoOf = (r: (typeof rows)[number]) => r.assets.find((a) => a.kind === "VIDEO");
  const byId = new Map(rows.filter((r) => canDownload(access, r) && videoOf(r)).map((r) => [r.id, r]));
  const used = new Set<string>();
  const plan: ExportPlan = { files: [], manifest: [] };
  for (const id of unique) {
    const r = byId.get(id);
    const video = r && videoOf(r);
    if (!r || !video) continue;
    let name = downloadName(r.createdAt, r.prompt, r.id, "video.mp4");
    if (used.has(name)) name = name.replace(/\.mp4$/, `-${r.id.slice(-8)}.mp4`);
    used.add(name);
    plan.files.push({ name, storageKey: video.storageKey, date: r.createdAt });
    const poster = r.assets.find((a) => a.kind === "POSTER");
    const posterName = poster ? name.replace(/\.mp4$/, "-poster.jpg") : null;
    if (poster && posterName) plan.files.push({ name: posterName, storageKey: poster.storageKey, date: r.createdAt });
    plan.manifest.push({
      file: name,
      poster: posterName,
      id: r.id,
      prompt: r.prompt,
      mode: MODE_OF_DB[r.mode],
      model: r.model,
      style: paramOf(r.params, "style"),
      aspectRatio: paramOf(r.params, "aspectRatio"),
      movementAmplitude: paramOf(r.params, "movementAmplitude"),
      createdAt: r.createdAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      costFen: r.costFen,
      durationMs: r.durationMs,
      width: r.width,
      height: r.height,
      sha256: r.sha256,
    });
  }
  return plan;
}

function zipFileName(now = new Date()): string {
  return `framehouse-${now.toISOString().slice(0, 10)}-clips.zip`;
}

/** The manifests first (what every file is), then each clip's video and poster. */
function zipStream(store: Storage, plan: ExportPlan, now = new Date()): Readable {
  const texts = [
    { name: "manifest.json", content: manifestJson(plan.manifest, now), date: now },
    { name: "manifest.csv", content: manifestCsv(plan.manifest), date: now },
  ];
  return streamZip(texts, plan.files.map((e) => ({ name: e.name, date: e.date, open: () => store.read(e.storageKey) })), "zip export");
}

export async function exportResponse(client: Db, store: Storage, access: Access, ids: string[]): Promise<Response> {
  const plan = await exportPlan(client, access, ids);
  if (plan.manifest.length === 0) throw new AppError("not_found");
  const name = zipFileName();
  return new Response(webBody(zipStream(store, plan)), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
