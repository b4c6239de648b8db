import "server-only";
import type { GenerationView } from "@/lib/shared/generation-view";
import type { Db } from "../db";
import { type Access, assertVisible } from "../permissions";
import { expectedGenerationMs } from "./expected-duration";
import { derivativeJobsOf, loadGenerationRow, toGenerationView } from "./generation-view";
import { viewerMediaUrls } from "./viewer-media-urls";

/** The view of one clip the actor may see; 404 (AppError not_found) for missing and foreign ids alike. */
export async function generationViewFor(client: Db, access: Access, id: string): Promise<GenerationView> {
  const row = assertVisible(access, await loadGenerationRow(client, id));
  const derived = await derivativeJobsOf(client, [row]);
  return toGenerationView(row, await expectedGenerationMs(client, row.model), await viewerMediaUrls(access), Date.now(), derived.get(row.id));
}
