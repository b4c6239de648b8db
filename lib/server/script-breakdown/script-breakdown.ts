import "server-only";
import type { AiCall, Prisma } from "@/lib/generated/sqlite/client";
import { fenToYuan } from "@/lib/shared/money";
import type { BreakdownView, DraftShot } from "@/lib/shared/script-breakdown";
import { parseBreakdownAnswer } from "@/lib/shared/script-breakdown-parse";
import { BREAKDOWN_MAX_TOKENS, partContexts, splitScript } from "@/lib/shared/script-parts";
import type { ChatRequest } from "@/lib/shared/upstream/chat-schemas";
import { queueAiCalls, type QueueCallInput } from "../ai-calls/queue-call";
import { waitForCall } from "../ai-calls/wait-call";
import type { Db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { loadFilm, type FilmRow } from "../films/load-film";
import type { Access, Workspace } from "../permissions";
import { breakdownHoldFen, breakdownRequest, partHoldFen } from "./breakdown-request";
import { mergeParts, type PartOutcome } from "./merge-parts";

// Script → shot list for one film: the script split into parts one answer can hold each
// (script-parts.ts), each part ONE CHAT call (purpose "script.breakdown") through the ledger, budgets
// and job runner (lib/server/ai-calls), all parts held and queued as one request — every part or none
// (queueAiCalls: the request's key for the first, derived keys after it, so a repeat pays nothing).
// The draft lives in the StudioDraft table under the scope "script:<filmId>" (one per person and film):
// `callId` names the draft (its first call, kept through retries), `callIds` the current call of each
// part in order (a draft stored before scripts were split has none: its one call is `callId`), and,
// once the user edits it, the edited shots. Until the user saves, the draft is the parts' parsed,
// repaired and merged answers (merge-parts.ts), so it survives a reload without a copy. Each save
// names the version it was based on (409 draft_conflict otherwise, as studio drafts do). A part that
// failed (or answered nothing readable) is reported by number; a retry re-asks only those parts.
// Accepting (accept-shot-list.ts) needs every part answered and adds every shot or none.

const PURPOSE = "script.breakdown";

export const scopeOfFilm = (filmId: string) => `script:${filmId}`;

interface StoredDraft {
  callId: string;
  /** The call of each part, in order (absent: one part, `callId`). */
  callIds?: string[];
  shots: DraftShot[] | null;
}

function storedOf(state: unknown): StoredDraft | null {
  const s = state as Partial<StoredDraft> | null;
  if (!s || typeof s.callId !== "string") return null;
  const callIds = Array.isArray(s.callIds) && s.callIds.every((id) => typeof id === "string") ? s.callIds : undefined;
  return { callId: s.callId, ...(callIds ? { callIds } : {}), shots: Array.isArray(s.shots) ? s.shots : null };
}

const partIdsOf = (draft: StoredDraft) => draft.callIds ?? [draft.callId];

function workspaceOfFilm(film: FilmRow): Workspace {
  return film.teamId ? { kind: "team", teamId: film.teamId } : { kind: "personal" };
}

/** One part's call read: answered with shots, still running, or the error that says why not. */
function outcomeOf(call: AiCall): PartOutcome {
  if (call.status === "QUEUED" || call.status === "SENDING") return { kind: "pending" };
  if (call.status === "DONE") {
    const answer = call.answer as { content?: unknown; finishReason?: unknown } | null;
    const parsed = parseBreakdownAnswer(typeof answer?.content === "string" ? answer.content : "", String(answer?.finishReason ?? "unknown"));
    if (parsed.ok) return { kind: "done", shots: parsed.shots, repairs: parsed.repairs };
    return { kind: "failed", reason: "invalid", costFen: call.settledFen ?? 0 };
  }
  if (call.errorCode === "unsafe_content") return { kind: "failed", reason: "unsafe", costFen: 0 };
  if (call.errorCode === "unconfirmed") return { kind: "failed", reason: "unconfirmed", costFen: call.costFen };
  return { kind: "failed", reason: "failed", code: call.errorCode ?? "unknown", costFen: 0 };
}

/** A single-part breakdown's failure, as it has always been reported. */
function singlePartError(outcome: Extract<PartOutcome, { kind: "failed" }>): AppError {
  if (outcome.reason === "invalid") return new AppError("ai_answer_invalid", { vars: { cost: `¥${fenToYuan(outcome.costFen)}` }, messageKey: "errors.ai_answer_invalid.script" });
  if (outcome.reason === "unsafe") return new AppError("ai_unsafe_content");
  if (outcome.reason === "unconfirmed") return new AppError("ai_call_unconfirmed");
  return new AppError("ai_call_failed", { vars: { code: outcome.code ?? "unknown" } });
}

/** The draft of these calls (in part order), pending with progress, or the coded error naming the failed parts. */
function viewOf(calls: readonly AiCall[], draft: StoredDraft, version: number): BreakdownView {
  const parts = calls.length;
  const base = { callId: draft.callId, heldFen: calls.reduce((n, c) => n + c.costFen, 0), version, parts };
  const outcomes = calls.map(outcomeOf);
  const answered = outcomes.filter((o) => o.kind === "done").length;
  // Every part ends before anything is reported, so one retry covers every part that failed.
  if (outcomes.some((o) => o.kind === "pending")) return { status: "pending", ...base, answered };
  const failed = outcomes.flatMap((o, i) => (o.kind === "failed" ? [{ part: i + 1, outcome: o }] : []));
  const first = failed[0];
  if (first && parts === 1) throw singlePartError(first.outcome);
  if (first) {
    const list = failed.map((f) => f.part).join(", ");
    throw new AppError("script_part_failed", { vars: { parts: String(parts), failed: list, count: failed.length }, messageKey: `errors.script_part_failed.${first.outcome.reason}` });
  }
  const merged = mergeParts(outcomes);
  const costFen = calls.reduce((n, c) => n + (c.settledFen ?? 0), 0);
  return { status: "done", ...base, answered, costFen, edited: draft.shots !== null, shots: draft.shots ?? merged.shots, repairs: merged.repairs };
}

async function readDraft(client: Pick<Db, "studioDraft">, access: Access, filmId: string) {
  const row = await client.studioDraft.findUnique({ where: { userId_scope: { userId: access.actor.id, scope: scopeOfFilm(filmId) } }, select: { state: true, version: true } });
  const stored = row ? storedOf(row.state) : null;
  return stored && row ? { stored, version: row.version } : null;
}

/** The draft's part calls in part order, or null if any is missing or not the actor's breakdown. */
async function callsOf(client: Pick<Db, "aiCall">, access: Access, draft: StoredDraft): Promise<AiCall[] | null> {
  const ids = partIdsOf(draft);
  const rows = await client.aiCall.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((c) => [c.id, c]));
  const calls = ids.map((id) => byId.get(id));
  return calls.every((c): c is AiCall => c !== undefined && c.ownerId === access.actor.id && c.purpose === PURPOSE) ? calls : null;
}

async function waitForAll(client: Db, ids: readonly string[], waitMs: number): Promise<void> {
  const until = Date.now() + waitMs;
  for (const id of ids) await waitForCall(client, id, Math.max(0, until - Date.now()));
}

export interface BreakdownOptions {
  /** How long the request waits for the answers before answering "pending". */
  waitMs?: number;
}

/** A part's call as queued: its request and the most it can cost. */
function callInput(request: ChatRequest, film: FilmRow): QueueCallInput {
  return { kind: "CHAT", purpose: PURPOSE, model: request.model, request: request as unknown as Prisma.InputJsonValue, costFen: partHoldFen(request), workspace: workspaceOfFilm(film), filmId: film.id };
}

/** The requests of a script's parts, in order, each after the first with its context. */
export function partRequests(text: string): ChatRequest[] {
  const parts = splitScript(text).map((p) => p.trim());
  const contexts = partContexts(parts);
  return parts.map((part, i) => breakdownRequest(part, { part: i + 1, parts: parts.length, ...contexts[i]! }));
}

/**
 * What a breakdown of a script of `chars` characters in `parts` parts (the dialog splits the text as
 * the server will) holds before it is sent: the most it can cost, and the calls it makes.
 */
export async function estimateBreakdown(client: Db, access: Access, filmId: string, chars: number, parts = 1): Promise<{ heldFen: number; maxTokens: number; calls: number }> {
  await loadFilm(client, access, filmId, "edit");
  return { heldFen: breakdownHoldFen(chars, parts), maxTokens: BREAKDOWN_MAX_TOKENS, calls: parts };
}

/** POST: queues every part (idempotent per key), makes them the actor's draft for the film, waits a while for them. */
export async function requestBreakdown(client: Db, access: Access, filmId: string, idemKey: string, text: string, options: BreakdownOptions = {}): Promise<BreakdownView> {
  const film = await loadFilm(client, access, filmId, "edit");
  const workspace = workspaceOfFilm(film);
  const queued = await queueAiCalls(client, access, idemKey, partRequests(text).map((r) => callInput(r, film)), { workspace });
  const ids = queued.map((q) => q.id);
  const scope = scopeOfFilm(film.id);
  const state = { callId: ids[0]!, callIds: ids, shots: null } satisfies StoredDraft as unknown as Prisma.InputJsonValue;
  const current = await readDraft(client, access, film.id);
  // A replayed request leaves the draft as it is (its edits and retries included); a new one replaces it.
  if (current?.stored.callId !== ids[0]) {
    await client.studioDraft.upsert({
      where: { userId_scope: { userId: access.actor.id, scope } },
      create: { userId: access.actor.id, scope, teamId: film.teamId, state, version: 1 },
      update: { state, version: { increment: 1 } },
    });
  }
  await waitForAll(client, ids, options.waitMs ?? env().PROMPT_HELP_WAIT_MS);
  return getBreakdown(client, access, film.id);
}

/**
 * POST …/retry: re-asks the parts whose call failed or answered nothing readable — only those, held
 * as one request. Their new calls' keys derive from the failed calls' own, so a repeated retry (a
 * double click, another tab) replays the same calls instead of paying again.
 */
export async function retryBreakdown(client: Db, access: Access, filmId: string, options: BreakdownOptions = {}): Promise<BreakdownView> {
  const film = await loadFilm(client, access, filmId, "edit");
  const draft = await readDraft(client, access, film.id);
  const calls = draft ? await callsOf(client, access, draft.stored) : null;
  if (!draft || !calls) throw new AppError("not_retryable", { messageKey: "errors.not_retryable.script" });
  const failed = calls.flatMap((c, i) => (outcomeOf(c).kind === "failed" ? [i] : []));
  if (failed.length === 0 || calls.some((c) => outcomeOf(c).kind === "pending")) throw new AppError("not_retryable", { messageKey: "errors.not_retryable.script" });
  const inputs = failed.map((i) => callInput(calls[i]!.request as unknown as ChatRequest, film));
  const queued = await queueAiCalls(client, access, `${calls[failed[0]!]!.idemKey}.retry`, inputs, { workspace: workspaceOfFilm(film) });
  const ids = partIdsOf(draft.stored).slice();
  failed.forEach((part, j) => (ids[part] = queued[j]!.id));
  const state = { callId: draft.stored.callId, callIds: ids, shots: null } satisfies StoredDraft as unknown as Prisma.InputJsonValue;
  // Compare-and-set: a retry that lost the race to another one (same calls, replayed) changes nothing.
  await client.studioDraft.updateMany({ where: { userId: access.actor.id, scope: scopeOfFilm(film.id), version: draft.version }, data: { state, version: draft.version + 1 } });
  await waitForAll(client, queued.map((q) => q.id), options.waitMs ?? env().PROMPT_HELP_WAIT_MS);
  return getBreakdown(client, access, film.id);
}

/** GET: the actor's draft for the film (none, pending with progress, done with shots), or the coded error of its failed parts. */
export async function getBreakdown(client: Db, access: Access, filmId: string): Promise<BreakdownView> {
  await loadFilm(client, access, filmId, "edit");
  const draft = await readDraft(client, access, filmId);
  if (!draft) return { status: "none" };
  const calls = await callsOf(client, access, draft.stored);
  if (!calls) return { status: "none" };
  return viewOf(calls, draft.stored, draft.version);
}

/** Accept's check: the draft at `version` is of `callId` and every part of it was answered. */
export async function assertDraftComplete(client: Pick<Db, "aiCall">, access: Access, state: unknown, callId: string): Promise<void> {
  const stored = storedOf(state);
  if (!stored || stored.callId !== callId) throw new AppError("draft_conflict");
  const calls = await callsOf(client, access, stored);
  if (!calls || calls.some((c) => outcomeOf(c).kind !== "done")) throw new AppError("script_incomplete");
}

/** PUT: saves the edited shots if the stored draft is still at `version`, of the same call and complete; the new version. */
export async function saveBreakdownDraft(client: Db, access: Access, filmId: string, input: { callId: string; version: number; shots: DraftShot[] }): Promise<{ version: number }> {
  await loadFilm(client, access, filmId, "edit");
  const scope = scopeOfFilm(filmId);
  const draft = await readDraft(client, access, filmId);
  if (!draft || draft.stored.callId !== input.callId) throw new AppError("draft_conflict");
  await assertDraftComplete(client, access, { ...draft.stored }, input.callId);
  const state = { ...draft.stored, shots: input.shots } satisfies StoredDraft as unknown as Prisma.InputJsonValue;
  // Compare-and-set in one statement: two saves based on the same version cannot both succeed.
  const updated = await client.studioDraft.updateMany({ where: { userId: access.actor.id, scope, version: input.version }, data: { state, version: input.version + 1 } });
  if (updated.count !== 1) throw new AppError("draft_conflict");
  return { version: input.version + 1 };
}

/** DELETE: drops the actor's draft for the film (the calls and their cost stay in the ledger). */
export async function discardBreakdown(client: Db, access: Access, filmId: string): Promise<BreakdownView> {
  await loadFilm(client, access, filmId, "edit");
  await client.studioDraft.deleteMany({ where: { userId: access.actor.id, scope: scopeOfFilm(filmId) } });
  return { status: "none" };
}
