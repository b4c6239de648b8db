import { apiFetch } from "@/lib/client/api";
import { withWorkspace } from "@/lib/client/workspace-context";
import type { CreatedShareLink } from "@/lib/shared/share-link-views";
import type { Cut, CutProblem } from "@/lib/shared/film/cut";
import type { FilmExportView } from "@/lib/shared/film/film-export-view";
import type { CancelBatchResult, GenerateMissingEstimate, GenerateMissingResult } from "@/lib/shared/film/generate-missing-view";
import type { UpdateShotInput } from "@/lib/shared/film/film-schemas";
import type { CommentView, FilmSummary, FilmView, ReferenceView, TakesEstimate } from "@/lib/shared/film/film-views";
import type { GenerationView } from "@/lib/shared/generation-view";
import type { StillsList } from "@/lib/shared/film/still-views";
import type { VoiceView } from "@/lib/shared/film/voice";
import type { BreakdownView, SaveBreakdownDraft } from "@/lib/shared/script-breakdown";

// The storyboard's calls to the films API (docs/api.md, "Films"); each throws ApiError on a refusal.

const enc = encodeURIComponent;

export const listFilms = (teamId: string | null) => apiFetch<{ items: FilmSummary[] }>(withWorkspace("/api/films", teamId));
export const createFilm = (teamId: string | null, body: { title: string; aspect: string; style: string }) =>
  apiFetch<{ film: FilmView }>(withWorkspace("/api/films", teamId), { method: "POST", json: body });
export const getFilm = (filmId: string) => apiFetch<{ film: FilmView }>(`/api/films/${enc(filmId)}`);

export const addShot = (filmId: string, at?: number) =>
  apiFetch<{ film: FilmView }>(`/api/films/${enc(filmId)}/shots`, { method: "POST", json: { mode: "text", ...(at === undefined ? {} : { at }) } });
export const updateShot = (shotId: string, body: UpdateShotInput) => apiFetch<{ film: FilmView }>(`/api/shots/${enc(shotId)}`, { method: "PATCH", json: body });
export const deleteShot = (shotId: string, retarget: boolean) =>
  apiFetch<{ film: FilmView }>(`/api/shots/${enc(shotId)}${retarget ? "?retarget=true" : ""}`, { method: "DELETE" });
export const duplicateShot = (shotId: string, retarget: boolean) =>
  apiFetch<{ film: FilmView }>(`/api/shots/${enc(shotId)}/duplicate`, { method: "POST", json: { retarget } });
export const reorderShots = (filmId: string, order: string[], retarget: boolean) =>
  apiFetch<{ film: FilmView }>(`/api/films/${enc(filmId)}/shots/order`, { method: "PUT", json: { order, retarget } });

export const estimateTakes = (shotId: string, count: number) => apiFetch<TakesEstimate>(`/api/shots/${enc(shotId)}/takes/estimate?count=${count}`);
export const makeTakes = (shotId: string, count: number, key: string) =>
  apiFetch<{ takeIds: string[]; created: number }>(`/api/shots/${enc(shotId)}/takes`, { method: "POST", json: { count }, headers: { "Idempotency-Key": key } });
// A shot's stills (CogView): listed with the unit price, made 1–4 at once, used as a frame.
export const listStills = (shotId: string) => apiFetch<StillsList>(`/api/shots/${enc(shotId)}/stills`);
export const makeStills = (shotId: string, count: number, prompt: string, key: string) =>
  apiFetch<StillsList & { created: number }>(`/api/shots/${enc(shotId)}/stills`, { method: "POST", json: { count, ...(prompt.trim() ? { prompt: prompt.trim() } : {}) }, headers: { "Idempotency-Key": key } });
export const applyStill = (shotId: string, stillId: string, frame: "start" | "end") =>
  apiFetch<{ film: FilmView }>(`/api/shots/${enc(shotId)}/stills/${enc(stillId)}/use`, { method: "POST", json: { frame } });
export const chooseTake = (shotId: string, takeId: string) => apiFetch<{ film: FilmView }>(`/api/shots/${enc(shotId)}/chosen-take`, { method: "PUT", json: { takeId } });
export const reviewShot = (shotId: string, decision: { decision: "approve" } | { decision: "send_back"; reason: string }) =>
  apiFetch<{ film: FilmView }>(`/api/shots/${enc(shotId)}/review`, { method: "POST", json: decision });

// Voice-over of a shot's line and the film's cast (docs/api.md, "Voice-over").
export const speakShot = (shotId: string, body: { voice: string; speaker: string | null; speed: number }, key: string) =>
  apiFetch<{ voice: VoiceView }>(`/api/shots/${enc(shotId)}/voice`, { method: "POST", json: body, headers: { "Idempotency-Key": key } });
export const getShotVoice = (shotId: string) => apiFetch<{ voice: VoiceView | null }>(`/api/shots/${enc(shotId)}/voice`);
export const removeShotVoice = (shotId: string) => apiFetch<{ voice: null }>(`/api/shots/${enc(shotId)}/voice`, { method: "DELETE" });

export const getTake = (takeId: string) => apiFetch<GenerationView>(`/api/generations/${enc(takeId)}`);
export const getCut = (filmId: string) => apiFetch<{ cut: Cut; takes: Record<string, string>; problems: CutProblem[] }>(`/api/films/${enc(filmId)}/cut`);

export const listComments = (filmId: string) => apiFetch<{ items: CommentView[] }>(`/api/films/${enc(filmId)}/comments`);
/** A timecoded comment on a take ({takeId}) or an export ({exportId}) of the film. */
export const addComment = (filmId: string, target: { takeId: string } | { exportId: string }, timeMs: number, body: string) =>
  apiFetch<{ comment: CommentView }>(`/api/films/${enc(filmId)}/comments`, { method: "POST", json: { ...target, timeMs, body } });
export const editComment = (commentId: string, body: string) => apiFetch<{ comment: CommentView }>(`/api/comments/${enc(commentId)}`, { method: "PATCH", json: { body } });
export const deleteComment = (commentId: string) => apiFetch<{ ok: true }>(`/api/comments/${enc(commentId)}`, { method: "DELETE" });

export const listReferences = (teamId: string | null) => apiFetch<{ items: ReferenceView[] }>(withWorkspace("/api/references", teamId));
export const createReference = (teamId: string | null, body: { kind: ReferenceView["kind"]; name: string; uploadId: string }) =>
  apiFetch<{ reference: ReferenceView }>(withWorkspace("/api/references", teamId), { method: "POST", json: body });
export const renameReference = (id: string, name: string) => apiFetch<{ reference: ReferenceView }>(`/api/references/${enc(id)}`, { method: "PATCH", json: { name } });
export const deleteReference = (id: string) => apiFetch<unknown>(`/api/references/${enc(id)}`, { method: "DELETE" });

// Generate missing shots and exports (docs/api.md).
export const estimateMissing = (filmId: string, takes: number) => apiFetch<GenerateMissingEstimate>(`/api/films/${enc(filmId)}/generate-missing?takes=${takes}`);
export const generateMissing = (filmId: string, takes: number, expectTotalFen: number, key: string) =>
  apiFetch<GenerateMissingResult>(`/api/films/${enc(filmId)}/generate-missing`, { method: "POST", json: { takes, expectTotalFen }, headers: { "Idempotency-Key": key } });
export const cancelMissing = (filmId: string, batchId: string) =>
  apiFetch<CancelBatchResult>(`/api/films/${enc(filmId)}/generate-missing/${enc(batchId)}/cancel`, { method: "POST" });
export const listExports = (filmId: string) => apiFetch<{ exports: FilmExportView[] }>(`/api/films/${enc(filmId)}/exports`);
export const startExport = (filmId: string, captions: boolean) => apiFetch<{ export: FilmExportView }>(`/api/films/${enc(filmId)}/exports`, { method: "POST", json: { captions } });
export const cancelExport = (id: string) => apiFetch<unknown>(`/api/exports/${enc(id)}/cancel`, { method: "POST" });
export const deleteExport = (id: string) => apiFetch<unknown>(`/api/exports/${enc(id)}`, { method: "DELETE" });
/** A share link for a ready export, valid a week: its URL (with the one-time token) comes back once. */
export const shareExport = (id: string) =>
  apiFetch<CreatedShareLink>(`/api/exports/${enc(id)}/share-links`, { method: "POST", json: { expiresInHours: 168 } });
export const handoffUrl = (filmId: string) => `/api/films/${enc(filmId)}/handoff`;

// Script → shot list (docs/api.md, "Script → shot list").
const scriptUrl = (filmId: string, tail = "") => `/api/films/${enc(filmId)}/script${tail}`;
export const estimateBreakdown = (filmId: string, chars: number, parts: number) => apiFetch<{ heldFen: number; calls: number }>(scriptUrl(filmId, `/estimate?chars=${chars}&parts=${parts}`));
export const retryBreakdown = (filmId: string) => apiFetch<BreakdownView>(scriptUrl(filmId, "/retry"), { method: "POST" });
export const getBreakdown = (filmId: string) => apiFetch<BreakdownView>(scriptUrl(filmId));
export const startBreakdown = (filmId: string, text: string, key: string) =>
  apiFetch<BreakdownView>(scriptUrl(filmId), { method: "POST", json: { text }, headers: { "Idempotency-Key": key } });
export const discardBreakdown = (filmId: string) => apiFetch<BreakdownView>(scriptUrl(filmId), { method: "DELETE" });
export const saveBreakdown = (filmId: string, body: SaveBreakdownDraft) => apiFetch<{ version: number }>(scriptUrl(filmId, "/draft"), { method: "PUT", json: body });
export const acceptBreakdown = (filmId: string, body: SaveBreakdownDraft) =>
  apiFetch<{ film: FilmView; added: number }>(scriptUrl(filmId, "/accept"), { method: "POST", json: body });
