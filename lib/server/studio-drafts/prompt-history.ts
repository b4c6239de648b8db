import "server-only";
import { PROMPT_HISTORY_SIZE, type PromptHistoryView } from "@/lib/shared/studio-draft";
import type { Db } from "../db";
import { type Access, assertGenerateIn, type Workspace, workspaceGenerationsWhere } from "../permissions";

// The prompt history is derived from the actor's own clips in the workspace rather than stored: the
// clips already hold every submitted prompt, so there is nothing extra to write on the submit path,
// clips made before this feature count, and deleting a clip takes its prompt out of the history too.
// Prompts are made distinct here (same text after trimming), newest use first, reading a bounded
// window of recent clips through the (ownerId|teamId, deletedAt, createdAt) indexes.

/** Clips read to find the distinct prompts: repeats of one prompt (takes, retries) are common. */
const SCAN = 200;

export async function promptHistory(client: Db, access: Access, ws: Workspace): Promise<PromptHistoryView> {
  assertGenerateIn(access, ws);
  const rows = await client.generation.findMany({
    where: { ...workspaceGenerationsWhere(access, ws), ownerId: access.actor.id, prompt: { not: "" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SCAN,
    select: { prompt: true, createdAt: true },
  });
  const seen = new Set<string>();
  const prompts: PromptHistoryView["prompts"] = [];
  for (const r of rows) {
    const prompt = r.prompt.trim();
    if (!prompt || seen.has(prompt)) continue;
    seen.add(prompt);
    prompts.push({ prompt, usedAt: r.createdAt.toISOString() });
    if (prompts.length === PROMPT_HISTORY_SIZE) break;
  }
  return { prompts };
}
