import "server-only";
import type { Mode } from "@/lib/shared/generation-schemas";
import type { GenerationView } from "@/lib/shared/generation-view";
import type { Actor } from "../auth/session";
import type { Db } from "../db";
import { generationViewFor } from "../generations/find-generation";

// GET /api/generations/:id/remix: what the studio needs to open pre-filled with a clip's mode,
// prompt, parameters and input images (the uploads are reused, not copied: GenerationInput keeps
// them alive with onDelete: Restrict). The studio reads it through lib/client/use-remix.ts.

export interface RemixSource {
  id: string;
  mode: Mode;
  prompt: string;
  params: GenerationView["params"];
  inputs: { uploadId: string; url: string; width: number; height: number }[];
}

export async function remixSource(client: Db, actor: Actor, id: string): Promise<RemixSource> {
  const v = await generationViewFor(client, actor, id);
  return {
    id: v.id,
    mode: v.mode,
    prompt: v.prompt,
    params: v.params,
    inputs: [...v.inputs].sort((a, b) => a.position - b.position).map(({ uploadId, url, width, height }) => ({ uploadId, url, width, height })),
  };
}
