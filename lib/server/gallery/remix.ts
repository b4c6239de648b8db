import "server-only";
import type { RemixSource } from "@/lib/shared/remix-source";
import type { Db } from "../db";
import { generationViewFor } from "../generations/find-generation";
import type { Access } from "../permissions";

// GET /api/generations/:id/remix: what the studio needs to open pre-filled with a clip's mode,
// prompt, parameters and input images (the uploads are reused, not copied: GenerationInput keeps
// them alive with onDelete: Restrict). The studio reads it through lib/client/use-remix.ts.

export async function remixSource(client: Db, access: Access, id: string): Promise<RemixSource> {
  const v = await generationViewFor(client, access, id);
  return {
    id: v.id,
    mode: v.mode,
    prompt: v.prompt,
    params: v.params,
    inputs: [...v.inputs].sort((a, b) => a.position - b.position).map(({ uploadId, url, width, height }) => ({ uploadId, url, width, height })),
  };
}
