import "server-only";
import type { Generation } from "@/lib/generated/sqlite/client";
import type { Db } from "@/lib/server/db";
import type { Storage } from "@/lib/server/storage";
import type { VideoCreateRequest } from "@/lib/shared/upstream/request-schemas";
import type { AspectRatio, MovementAmplitude, Style } from "@/lib/shared/upstream/video-models";

// Turns a queued row into the upstream create body. `request_id` is ALWAYS the row's
// upstreamRequestId, fixed at creation (RELIABILITY §3.3): a retried or resumed submit re-sends the
// same id, so the upstream can refuse a duplicate (1231) instead of billing a second task.
// params JSON (create-generation.ts): text {style, aspectRatio, movementAmplitude};
// image/start-end {movementAmplitude, withAudio}. Input images travel as data URIs (a self-hosted
// studio is usually not reachable from the internet), read from our storage.

export class InputMissingError extends Error {
  override readonly name = "InputMissingError";
}

type Row = Pick<Generation, "id" | "model" | "prompt" | "params" | "upstreamRequestId">;

function str(params: Record<string, unknown>, key: string): string | undefined {
  const v = params[key];
  return typeof v === "string" ? v : undefined;
}

async function readAll(storage: Storage, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await storage.read(key)) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function inputImages(db: Db, storage: Storage, generationId: string): Promise<string[]> {
  const inputs = await db.generationInput.findMany({
    where: { generationId },
    orderBy: { position: "asc" },
    include: { upload: { select: { storageKey: true, mime: true } } },
  });
  const uris: string[] = [];
  for (const { upload } of inputs) {
    let bytes: Buffer;
    try {
      bytes = await readAll(storage, upload.storageKey);
    } catch (e) {
      throw new InputMissingError(`input image ${upload.storageKey} is not readable`, { cause: e });
    }
    uris.push(`data:${upload.mime};base64,${bytes.toString("base64")}`);
  }
  return uris;
}

export async function buildUpstreamRequest(db: Db, storage: Storage, row: Row): Promise<VideoCreateRequest> {
  const params = (typeof row.params === "object" && row.params !== null ? row.params : {}) as Record<string, unknown>;
  const common = {
    request_id: row.upstreamRequestId,
    duration: 5 as const,
    size: "1920x1080" as const,
    movement_amplitude: (str(params, "movementAmplitude") ?? "auto") as MovementAmplitude,
  };
  const prompt = row.prompt.trim();
  if (row.model === "viduq1-text") {
    return {
      model: "viduq1-text",
      prompt,
      style: (str(params, "style") ?? "general") as Style,
      aspect_ratio: (str(params, "aspectRatio") ?? "16:9") as AspectRatio,
      ...common,
    };
  }
  const images = await inputImages(db, storage, row.id);
  const media = {
    ...(prompt ? { prompt } : {}),
    ...(typeof params.withAudio === "boolean" ? { with_audio: params.withAudio } : {}),
    ...common,
  };
  if (row.model === "viduq1-image") {
    const [first] = images;
    if (!first) throw new InputMissingError("image-to-video clip has no input image");
    return { model: "viduq1-image", image_url: first, ...media };
  }
  if (row.model === "viduq1-start-end") {
    const [first, last] = images;
    if (!first || !last) throw new InputMissingError("start-end clip needs two input images");
    return { model: "viduq1-start-end", image_url: [first, last], ...media };
  }
  throw new InputMissingError(`unknown model ${row.model}`);
}
