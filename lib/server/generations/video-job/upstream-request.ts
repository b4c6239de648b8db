import "server-only";
import type { Generation } from "@/lib/generated/sqlite/client";
import type { Db } from "@/lib/server/db";
import type { Storage } from "@/lib/server/storage";
import type { VideoCreateRequest } from "@/lib/shared/upstream/request-schemas";
import { parseGenerationParams } from "@/lib/shared/generation-params";
import { MODE_OF_DB } from "@/lib/shared/generation-mode";
import { frameForUpstream } from "./upstream-frame";

// Turns a queued take into the upstream create body. `request_id` is ALWAYS the take's
// upstreamRequestId, fixed at creation: a retried or resumed submit re-sends the same id, so the
// upstream can refuse a duplicate instead of billing a second task (docs/reliability.md). The
// params come from the one params parser. Input images travel as data URIs (a self-hosted studio is
// usually not reachable from the internet), read from our storage and re-encoded to the output's
// size (upstream-frame.ts) so the body stays small.

export class InputMissingError extends Error {
  override readonly name = "InputMissingError";
}

type Row = Pick<Generation, "id" | "mode" | "model" | "prompt" | "params" | "upstreamRequestId">;

async function readAll(storage: Storage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.read(key)) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function inputImages(db: Db, storage: Storage, generationId: string): Promise<string[]> {
  const inputs = await db.generationInput.findMany({
    where: { generationId },
    orderBy: { position: "asc" },
    include: { upload: { select: { storageKey: true } } },
  });
  const uris: string[] = [];
  for (const { upload } of inputs) {
    let bytes: Buffer;
    try {
      bytes = await readAll(storage, upload.storageKey);
    } catch (e) {
      throw new InputMissingError(`input image ${upload.storageKey} is not readable`, { cause: e });
    }
    const frame = await frameForUpstream(bytes);
    uris.push(`data:${frame.mime};base64,${frame.data.toString("base64")}`);
  }
  return uris;
}

export async function buildUpstreamRequest(db: Db, storage: Storage, row: Row): Promise<VideoCreateRequest> {
  const mode = MODE_OF_DB[row.mode];
  const base = { request_id: row.upstreamRequestId, duration: 5 as const, size: "1920x1080" as const };
  const prompt = row.prompt.trim();
  if (mode === "text") {
    const p = parseGenerationParams(mode, row.params);
    return { model: "viduq1-text", prompt, style: p.style, aspect_ratio: p.aspectRatio, movement_amplitude: p.movementAmplitude, ...base };
  }
  const p = parseGenerationParams(mode, row.params);
  const images = await inputImages(db, storage, row.id);
  const media = { ...(prompt ? { prompt } : {}), with_audio: p.withAudio, movement_amplitude: p.movementAmplitude, ...base };
  if (mode === "image") {
    const [first] = images;
    if (!first) throw new InputMissingError("image-to-video take has no input image");
    return { model: "viduq1-image", image_url: first, ...media };
  }
  const [first, last] = images;
  if (!first || !last) throw new InputMissingError("start-end take needs two input images");
  return { model: "viduq1-start-end", image_url: [first, last], ...media };
}
