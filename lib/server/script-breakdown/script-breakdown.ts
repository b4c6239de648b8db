import "server-only";
import type { AiCall, Prisma } from "@/lib/generated/sqlite/client";
import { fenToYuan } from "@/lib/shared/money";
import type { BreakdownView, DraftShot, SaveBreakdownDraft } from "@/lib/shared/script-breakdown";
import { parseBreakdownAnswer } from "@/lib/shared/script-breakdown-parse";
import { queueAiCall } from "../ai-calls/queue-call";
import { chatHoldFen } from "../ai-calls/price";
import { waitForCall } from "../ai-calls/wait-call";
import type { Db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { loadFilm, type FilmRow } from "../films/load-film";
import type { Access, Workspace } from "../permissions";
import { breakdownRequest, BREAKDOWN_MAX_TOKENS } from "./breakdown-request";

// Script → shot list for one film: one CHAT call (purpose "script.breakdown") through the ledger,
// budgets and job runner (lib/server/ai-calls), exactly like prompt help. The draft lives in the
// StudioDraft table under the scope "script:<filmId>" (one per person and film): the call it came
// from and, once the user edits it, the edited shots. Until the user saves, the draft is the parsed
// and repaired answer (script-breakdown-parse.ts), so it survives a reload without a copy. Each save
// names the version it was based on (409 draft_conflict otherwise, as studio drafts do). Accepting
// (accept-shot-list.ts) adds every shot or none.

const PURPOSE = "script.breakdown";

export const scopeOfFilm = (filmId: string) => `script:${filmId}`;

interface StoredDraft {
  callId: string;
  shots: DraftShot[] | null;
}

function storedOf(state: unknown): StoredDraft | null {
  const s = state as Partial<StoredDraft> | null;
  return s && typeof s.callId === "string" ? { callId: s.callId, shots: Array.isArray(s.shots) ? s.shots : null } : null;
}

function workspaceOfFilm(film: FilmRow): Workspace {
  return film.teamId ? { kind: "team", teamId: film.teamId } : { kind: "personal" };
}

/** The answer's draft, or the coded error that says why there is none. */
function viewOf(call: AiCall, draft: StoredDraft, version: number): BreakdownView {
  const base = { callId: call.id, heldFen: call.costFen, version };
  if (call.status === "QUEUED" || call.status === "SENDING") return { status: "pending", ...base };
  if (call.status === "DONE") {
    const answer = call.answer as { content?: unknown; finishReason?: unknown } | null;
    const parsed = parseBreakdownAnswer(typeof answer?.content === "string" ? answer.content : "", String(answer?.finishReason ?? "unknown"));
    const cost = `¥${fenToYuan(call.settledFen ?? 0)}`;
    if (!parsed.ok) throw new AppError("ai_answer_invalid", { vars: { cost }, messageKey: "errors.ai_answer_invalid.script" });
    return { status: "done", ...base, costFen: call.settledFen ?? 0, edited: draft.shots !== null, shots: draft.shots ?? parsed.shots, repairs: parsed.repairs };
  }
  if (call.errorCode === "unsafe_content") throw new AppError("ai_unsafe_content");
  if (call.errorCode === "unconfirmed") throw new AppError("ai_call_unconfirmed");
  throw new AppError("ai_call_failed", { vars: { code: call.errorCode ?? "unknown" } });
}

async function readDraft(client: Pick<Db, "studioDraft">, access: Access, filmId: string) {
  const row = await client.studioDraft.findUnique({ where: { userId_scope: { userId: access.actor.id, scope: scopeOfFilm(filmId) } }, select: { state: true, version: true } });
  const stored = row ? storedOf(row.state) : null;
  return stored && row ? { stored, version: row.version } : null;
}

export interface BreakdownOptions {
  /** How long the request waits for the answer before answering "pending". */
  waitMs?: number;
}

/** What a breakdown of a script of `chars` characters holds before it is sent (the most it can cost). */
export async function estimateBreakdown(client: Db, access: Access, filmId: string, chars: number): Promise<{ heldFen: number; maxTokens: number }> {
  await loadFilm(client, access, filmId, "edit");
  return { heldFen: chatHoldFen(breakdownRequest("x".repeat(chars)), BREAKDOWN_MAX_TOKENS), maxTokens: BREAKDOWN_MAX_TOKENS };
}

/** POST: queues the breakdown (idempotent per key), makes it the actor's draft for the film, waits a while for it. */
export async function requestBreakdown(client: Db, access: Access, filmId: string, idemKey: string, text: string, options: BreakdownOptions = {}): Promise<BreakdownView> {
  const film = await loadFilm(client, access, filmId, "edit");
  const request = breakdownRequest(text);
  const queued = await queueAiCall(client, access, idemKey, {
    kind: "CHAT",
    purpose: PURPOSE,
    model: request.model,
    request,
    costFen: chatHoldFen(request, BREAKDOWN_MAX_TOKENS),
    workspace: workspaceOfFilm(film),
    filmId: film.id,
  });
  const scope = scopeOfFilm(film.id);
  const state = { callId: queued.id, shots: null } satisfies StoredDraft as unknown as Prisma.InputJsonValue;
  const current = await readDraft(client, access, film.id);
  // A replayed request leaves the draft as it is (its edits included); a new one replaces it.
  if (current?.stored.callId !== queued.id) {
    await client.studioDraft.upsert({
      where: { userId_scope: { userId: access.actor.id, scope } },
      create: { userId: access.actor.id, scope, teamId: film.teamId, state, version: 1 },
      update: { state, version: { increment: 1 } },
    });
  }
  await waitForCall(client, queued.id, options.waitMs ?? env().PROMPT_HELP_WAIT_MS);
  return getBreakdown(client, access, film.id);
}

/** GET: the actor's draft for the film (none, pending, done with shots), or the coded error of its call. */
export async function getBreakdown(client: Db, access: Access, filmId: string): Promise<BreakdownView> {
  await loadFilm(client, access, filmId, "edit");
  const draft = await readDraft(client, access, filmId);
  if (!draft) return { status: "none" };
  const call = await client.aiCall.findUnique({ where: { id: draft.stored.callId } });
  if (!call || call.ownerId !== access.actor.id || call.purpose !== PURPOSE) return { status: "none" };
  return viewOf(call, draft.stored, draft.version);
}

/** PUT: saves the edited shots if the stored draft is still at `version` and of the same call; the new version. */
export async function saveBreakdownDraft(client: Db, access: Access, filmId: string, input: SaveBreakdownDraft): Promise<{ version: number }> {
  await loadFilm(client, access, filmId, "edit");
  const state = { callId: input.callId, shots: input.shots } satisfies StoredDraft as unknown as Prisma.InputJsonValue;
  const scope = scopeOfFilm(filmId);
  const draft = await readDraft(client, access, filmId);
  if (!draft || draft.stored.callId !== input.callId) throw new AppError("draft_conflict");
  // Compare-and-set in one statement: two saves based on the same version cannot both succeed.
  const updated = await client.studioDraft.updateMany({ where: { userId: access.actor.id, scope, version: input.version }, data: { state, version: input.version + 1 } });
  if (updated.count !== 1) throw new AppError("draft_conflict");
  return { version: input.version + 1 };
}

/** DELETE: drops the actor's draft for the film (the call and its cost stay in the ledger). */
export async function discardBreakdown(client: Db, access: Access, filmId: string): Promise<BreakdownView> {
  await loadFilm(client, access, filmId, "edit");
  await client.studioDraft.deleteMany({ where: { userId: access.actor.id, scope: scopeOfFilm(filmId) } });
  return { status: "none" };
}
