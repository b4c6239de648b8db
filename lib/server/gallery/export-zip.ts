import "server-only";
import { Readable } from "node:stream";
import { ZipArchive } from "archiver";
import type { Db } from "../db";
import { AppError } from "../errors";
import { downloadName } from "../generations/serve-clip-media";
import { logger } from "../logger";
import { type Access, canDownload } from "../permissions";
import type { Storage } from "../storage";

// POST /api/generations/export: the selected clips' original videos as one zip, streamed. archiver
// pulls one entry at a time and the Response body pulls from archiver, so memory stays at a few
// stream buffers whatever the total size; the next clip's object is opened only after the previous
// entry is written (an S3 driver never holds 100 connections). Videos are already compressed:
// entries are STOREd. Names are the same meaningful names as a single download, made unique.

interface ExportEntry {
  name: string;
  storageKey: string;
  date: Date;
}

/** The visible clips among `ids` that have a stored video, in the order asked for. */
async function exportEntries(client: Db, access: Access, ids: string[]): Promise<ExportEntry[]> {
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
      assets: { where: { kind: "VIDEO" }, select: { storageKey: true } },
    },
  });
  const byId = new Map(rows.filter((r) => canDownload(access, r) && r.assets[0]).map((r) => [r.id, r]));
  const used = new Set<string>();
  const entries: ExportEntry[] = [];
  for (const id of unique) {
    const r = byId.get(id);
    const asset = r?.assets[0];
    if (!r || !asset) continue;
    let name = downloadName(r.createdAt, r.prompt, r.id, "video.mp4");
    if (used.has(name)) name = name.replace(/\.mp4$/, `-${r.id.slice(-8)}.mp4`);
    used.add(name);
    entries.push({ name, storageKey: asset.storageKey, date: r.createdAt });
  }
  return entries;
}

function zipFileName(now = new Date()): string {
  return `framehouse-${now.toISOString().slice(0, 10)}-clips.zip`;
}

/** A Node stream of the zip; errors after the first byte abort the stream (the client sees a cut download). */
function zipStream(store: Storage, entries: ExportEntry[]): Readable {
  const archive = new ZipArchive({ store: true });
  archive.on("warning", (err) => logger.warn("zip export warning", { err }));
  let current: Readable | null = null;
  let settle: ((err?: Error) => void) | null = null;
  archive.on("entry", () => settle?.());
  archive.on("error", (err) => settle?.(err));
  // The client went away (or an error destroyed the archive): stop reading the open object.
  archive.on("close", () => {
    current?.destroy();
    settle?.(new Error("zip stream closed"));
  });
  void (async () => {
    for (const e of entries) {
      if (archive.destroyed) return;
      current = await store.read(e.storageKey);
      const written = new Promise<void>((resolve, reject) => {
        settle = (err) => (err ? reject(err) : resolve());
      });
      archive.append(current, { name: e.name, date: e.date, store: true });
      await written;
    }
    settle = null;
    await archive.finalize();
  })().catch((err: unknown) => {
    if (archive.destroyed) return;
    logger.error("zip export failed", { err });
    archive.destroy(err instanceof Error ? err : new Error("zip export failed"));
  });
  return archive;
}

export async function exportResponse(client: Db, store: Storage, access: Access, ids: string[]): Promise<Response> {
  const entries = await exportEntries(client, access, ids);
  if (entries.length === 0) throw new AppError("not_found");
  const name = zipFileName();
  return new Response(Readable.toWeb(zipStream(store, entries)) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
