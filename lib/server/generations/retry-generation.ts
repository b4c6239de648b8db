import "server-only";
import { isIn, RETRYABLE } from "@/lib/shared/generation-lifecycle";
import { parseGenerationParams } from "@/lib/shared/generation-params";
import { type CreateGenerationInput, createGenerationSchema } from "@/lib/shared/generation-schemas";
import type { Db } from "../db";
import { AppError } from "../errors";
import { type Access, assertMay, canRetry } from "../permissions";
import { type CreateOptions, type CreateResult, createGeneration } from "./create-generation";
import { MODE_OF_DB } from "@/lib/shared/generation-mode";

// POST /api/generations/:id/retry: a NEW take (own request id, own hold) with the same mode, prompt,
// params and inputs as a take that ended without a video, linked by retryOfId. It goes through
// createGeneration, so the Idempotency-Key rules (and budgets) are exactly those of a submit.

export async function retryGeneration(
  client: Db,
  access: Access,
  sourceId: string,
  idemKey: string,
  options: Omit<CreateOptions, "retryOfId" | "workspace"> = {},
): Promise<CreateResult> {
  const source = assertMay(
    access,
    await client.generation.findUnique({
      where: { id: sourceId },
      include: { inputs: { orderBy: { position: "asc" }, select: { uploadId: true } } },
    }),
    canRetry,
  );
  if (!isIn(RETRYABLE, source.status)) throw new AppError("not_retryable");

  const mode = MODE_OF_DB[source.mode];
  const uploads = source.inputs.map((i) => i.uploadId);
  const candidate = {
    mode,
    prompt: source.prompt,
    ...parseGenerationParams(mode, source.params),
    ...(source.mode === "IMAGE" ? { uploadId: uploads[0] } : {}),
    ...(source.mode === "START_END" ? { uploadIds: uploads } : {}),
  };
  // Re-validate: the stored row was valid when queued, and the schema is the single definition.
  const parsed = createGenerationSchema.safeParse(candidate);
  if (!parsed.success) throw new AppError("not_retryable");
  const input: CreateGenerationInput = parsed.data;
  // The new clip belongs where the old one does (and is paid from that team's budgets).
  const workspace = source.teamId ? ({ kind: "team", teamId: source.teamId } as const) : ({ kind: "personal" } as const);
  return createGeneration(client, access, idemKey, input, { ...options, workspace, retryOfId: source.id });
}
