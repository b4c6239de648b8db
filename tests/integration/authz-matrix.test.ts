// The authorization matrix: every route × 7 actors × {own, same team, other team} objects
// against the real handlers on a real migrated database (SQLite; PostgreSQL too when
// TEST_POSTGRES_URL is set). The expected statuses live in authz-matrix.table.ts; this file builds
// the objects of each cell (tests/support/authz-world.ts), sends a valid request, and asserts that
// every cell agrees. It also fails when a route file exports a method the table does not cover.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetHashGate } from "@/lib/server/auth/hash-gate";
import { hashPassword } from "@/lib/server/auth/password";
import { linkTokenHash, newLinkToken } from "@/lib/server/link-token";
import { apiRouteFiles } from "../support/api-routes";
import { ACTORS, type ActorKey, type AuthzWorld, buildAuthzWorld, type ObjectKey } from "../support/authz-world";
import { providers } from "../support/test-db";
import { EXCLUDED, type Expected, MATRIX } from "./authz-matrix.table";
import { ctx, FIXTURES, setupStudio, type Studio } from "./generations-api-support";

const MAX_FEN = 1_000_000_000;
/** A 10 ms silent WAV (mono 24 kHz, 16-bit): what a finished voice-over stores. */
const AUTHZ_WAV = (() => {
  const samples = 240;
  const b = Buffer.alloc(44 + samples * 2);
  b.write("RIFF", 0, "ascii");
  b.writeUInt32LE(36 + samples * 2, 4);
  b.write("WAVEfmt ", 8, "ascii");
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(24_000, 24);
  b.writeUInt32LE(48_000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write("data", 36, "ascii");
  b.writeUInt32LE(samples * 2, 40);
  return b;
})();
const DRAFT_STATE = {
  mode: "text",
  text: { prompt: "Authz draft", style: "general", aspectRatio: "16:9", movementAmplitude: "auto" },
  image: { prompt: "", movementAmplitude: "auto", withAudio: false },
  "start-end": { prompt: "", movementAmplitude: "auto", withAudio: false },
  takes: 1,
  images: { image: null, start: null, end: null },
};
/** A script draft no one has (an unknown call): the role check comes first, then 409 draft_conflict. */
const SCRIPT_DRAFT = { callId: "authz-no-such-call", version: 1, shots: [{ scene: null, prompt: "A boat leaves the harbour", mode: "text", characters: [], line: null, seconds: 3 }] };
const TEXT = { mode: "text", prompt: "Authz matrix: fog over tea terraces", style: "general", aspectRatio: "16:9", movementAmplitude: "auto" };

/** "METHOD /api/..." of every exported handler of every app/api/** /route.ts. */
function routeMethods(): string[] {
  return apiRouteFiles()
    .flatMap((r) => r.methods.map((m) => `${m} ${r.url}`))
    .sort();
}

/** "GET /api/generations?team=:teamId" -> "GET /api/generations" (variants share their route method). */
const baseOf = (route: string) => /^(\w+) ([^?\s]+)/.exec(route)!.slice(1, 3).join(" ");

async function loadRoutes() {
  return {
    signUp: await import("@/app/api/account/sign-up/route"),
    adminBudget: await import("@/app/api/admin/budget/route"),
    adminInvites: await import("@/app/api/admin/invites/route"),
    adminHeld: await import("@/app/api/admin/held/route"),
    adminHeldOne: await import("@/app/api/admin/held/[id]/route"),
    adminSettings: await import("@/app/api/admin/settings/route"),
    adminUsers: await import("@/app/api/admin/users/route"),
    adminUserDisable: await import("@/app/api/admin/users/[userId]/disable/route"),
    adminUserEnable: await import("@/app/api/admin/users/[userId]/enable/route"),
    adminUserResetLink: await import("@/app/api/admin/users/[userId]/reset-link/route"),
    account: await import("@/app/api/account/route"),
    accountPassword: await import("@/app/api/account/password/route"),
    accountSignOutEverywhere: await import("@/app/api/account/sign-out-everywhere/route"),
    accountSessions: await import("@/app/api/account/sessions/route"),
    accountSession: await import("@/app/api/account/sessions/[sessionId]/route"),
    accountSignOutOthers: await import("@/app/api/account/sign-out-others/route"),
    accountReset: await import("@/app/api/account/reset/route"),
    accountResetRequest: await import("@/app/api/account/reset-request/route"),
    cancel: await import("@/app/api/generations/[id]/cancel/route"),
    lastFrame: await import("@/app/api/generations/[id]/last-frame/route"),
    derivatives: await import("@/app/api/generations/[id]/derivatives/route"),
    clipEvents: await import("@/app/api/generations/[id]/events/route"),
    move: await import("@/app/api/generations/[id]/move/route"),
    remix: await import("@/app/api/generations/[id]/remix/route"),
    retry: await import("@/app/api/generations/[id]/retry/route"),
    one: await import("@/app/api/generations/[id]/route"),
    clipShareLinks: await import("@/app/api/generations/[id]/share-links/route"),
    bulk: await import("@/app/api/generations/bulk/route"),
    events: await import("@/app/api/generations/events/route"),
    exportZip: await import("@/app/api/generations/export/route"),
    generations: await import("@/app/api/generations/route"),
    promptHelp: await import("@/app/api/prompt-help/route"),
    promptHelpOne: await import("@/app/api/prompt-help/[id]/route"),
    tags: await import("@/app/api/generations/tags/route"),
    health: await import("@/app/api/health/route"),
    emailAccept: await import("@/app/api/invites/[inviteId]/accept/route"),
    emailDecline: await import("@/app/api/invites/[inviteId]/decline/route"),
    linkAccept: await import("@/app/api/invites/link/[token]/accept/route"),
    linkDecline: await import("@/app/api/invites/link/[token]/decline/route"),
    linkPreview: await import("@/app/api/invites/link/[token]/route"),
    myInvites: await import("@/app/api/invites/route"),
    locale: await import("@/app/api/locale/route"),
    media: await import("@/app/api/media/[generationId]/[file]/route"),
    signedMedia: await import("@/app/api/media/signed/[...key]/route"),
    shareResolve: await import("@/lib/server/share/resolve"),
    shared: await import("@/app/api/s/[token]/[file]/route"),
    shareLink: await import("@/app/api/share-links/[linkId]/route"),
    audit: await import("@/app/api/teams/[teamId]/audit/route"),
    budgets: await import("@/app/api/teams/[teamId]/budgets/route"),
    teamInvite: await import("@/app/api/teams/[teamId]/invites/[inviteId]/route"),
    teamInvites: await import("@/app/api/teams/[teamId]/invites/route"),
    member: await import("@/app/api/teams/[teamId]/members/[userId]/route"),
    members: await import("@/app/api/teams/[teamId]/members/route"),
    team: await import("@/app/api/teams/[teamId]/route"),
    transfer: await import("@/app/api/teams/[teamId]/transfer/route"),
    usageExport: await import("@/app/api/teams/[teamId]/usage/export/route"),
    usage: await import("@/app/api/teams/[teamId]/usage/route"),
    teams: await import("@/app/api/teams/route"),
    upload: await import("@/app/api/uploads/[id]/route"),
    uploads: await import("@/app/api/uploads/route"),
    upstream: await import("@/app/api/upstream/status/route"),
    workspace: await import("@/app/api/workspace/route"),
    workspaceBudget: await import("@/app/api/workspace/budget/route"),
    studioDraft: await import("@/app/api/studio/draft/route"),
    studioPrompts: await import("@/app/api/studio/prompts/route"),
    unknownApi: await import("@/app/api/[...path]/route"),
    films: await import("@/app/api/films/route"),
    film: await import("@/app/api/films/[filmId]/route"),
    filmCut: await import("@/app/api/films/[filmId]/cut/route"),
    filmShots: await import("@/app/api/films/[filmId]/shots/route"),
    filmOrder: await import("@/app/api/films/[filmId]/shots/order/route"),
    filmComments: await import("@/app/api/films/[filmId]/comments/route"),
    filmExports: await import("@/app/api/films/[filmId]/exports/route"),
    filmExportEvents: await import("@/app/api/films/[filmId]/exports/events/route"),
    filmHandoff: await import("@/app/api/films/[filmId]/handoff/route"),
    filmExport: await import("@/app/api/exports/[exportId]/route"),
    filmExportCancel: await import("@/app/api/exports/[exportId]/cancel/route"),
    filmExportShares: await import("@/app/api/exports/[exportId]/share-links/route"),
    shot: await import("@/app/api/shots/[shotId]/route"),
    shotDuplicate: await import("@/app/api/shots/[shotId]/duplicate/route"),
    shotChosen: await import("@/app/api/shots/[shotId]/chosen-take/route"),
    shotReview: await import("@/app/api/shots/[shotId]/review/route"),
    shotVoice: await import("@/app/api/shots/[shotId]/voice/route"),
    shotVoiceAudio: await import("@/app/api/shots/[shotId]/voice/audio/route"),
    filmVoices: await import("@/app/api/films/[filmId]/voices/route"),
    filmScript: await import("@/app/api/films/[filmId]/script/route"),
    filmScriptEstimate: await import("@/app/api/films/[filmId]/script/estimate/route"),
    filmScriptDraft: await import("@/app/api/films/[filmId]/script/draft/route"),
    filmScriptAccept: await import("@/app/api/films/[filmId]/script/accept/route"),
    filmScriptRetry: await import("@/app/api/films/[filmId]/script/retry/route"),
    shotTakes: await import("@/app/api/shots/[shotId]/takes/route"),
    shotEstimate: await import("@/app/api/shots/[shotId]/takes/estimate/route"),
    shotStills: await import("@/app/api/shots/[shotId]/stills/route"),
    shotStillUse: await import("@/app/api/shots/[shotId]/stills/[stillId]/use/route"),
    filmMissing: await import("@/app/api/films/[filmId]/generate-missing/route"),
    filmBatchCancel: await import("@/app/api/films/[filmId]/generate-missing/[batchId]/cancel/route"),
    comment: await import("@/app/api/comments/[commentId]/route"),
    references: await import("@/app/api/references/route"),
    stills: await import("@/app/api/stills/route"),
    reference: await import("@/app/api/references/[referenceId]/route"),
    storage: (await import("@/lib/server/storage/instance")).storage,
  };
}

type Routes = Awaited<ReturnType<typeof loadRoutes>>;
type Handler = (req: Request, c: ReturnType<typeof ctx>) => Promise<Response>;
/** A cell's request: the response plus, for bulk actions, the id whose fate decides the outcome. */
type Sent = { res: Response; doneId?: string };
type Runner = (a: ActorKey, o: ObjectKey) => Promise<Sent>;

describe.each(providers())("authorization matrix on %s", (kind) => {
  let s: Studio;
  let r: Routes;
  let w: AuthzWorld;
  let seq = 0;
  const image = fs.readFileSync(path.join(FIXTURES, "images/landscape.png"));

  beforeAll(async () => {
    // SMTP_URL turns "Forgot password?" on; the probe asks for an address with no account, so no mail is sent.
    s = await setupStudio(kind, { REGISTRATION: "open", PROMPT_HELP_WAIT_MS: "0", SMTP_URL: "smtp://127.0.0.1:9", MAIL_FROM: "authz@example.test" });
    r = await loadRoutes();
    w = await buildAuthzWorld(s.db, r.storage, kind === "sqlite" ? "s" : "p");
  });
  afterAll(async () => s?.drop());

  /** A browser-like request: session cookie of the actor, same-origin headers on writes, JSON body. */
  function req(a: ActorKey, method: string, url: string, body?: unknown, extra: Record<string, string> = {}): Request {
    const u = w.user(a);
    const headers: Record<string, string> = { host: "localhost:3000", ...(u ? { cookie: u.cookie } : {}), ...extra };
    if (method !== "GET" && method !== "HEAD") headers.origin = "http://localhost:3000";
    if (body !== undefined) headers["content-type"] = "application/json";
    return new Request(`http://localhost:3000${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }
  const call = async (h: Handler, request: Request, params: Record<string, string> = {}): Promise<Sent> => ({ res: await h(request, ctx(params)) });
  const key = () => ({ "idempotency-key": `authz-${kind}-${seq++}` });
  /** A draft save based on the version the actor's GET shows (0 when the GET is refused: the PUT is refused the same way). */
  async function saveDraft(a: ActorKey, url: string): Promise<Sent> {
    const current = await r.studioDraft.GET(req(a, "GET", url), ctx({}));
    const baseVersion = current.ok ? ((await current.json()) as { version: number }).version : 0;
    return call(r.studioDraft.PUT, req(a, "PUT", url, { baseVersion, state: DRAFT_STATE }));
  }
  /** Who created an object in the actor's team: own = the actor (team owner for I/anonymous), same = the team's owner. */
  const creator = (a: ActorKey, o: ObjectKey) =>
    o === "other" ? w.users.WO.id : o === "same" || a === "anon" || a === "instanceAdmin" ? (a === "otherTeam" ? w.users.X2.id : w.users.O.id) : w.user(a)!.id;
  /** Server-sent events: abort the stream once the status is known. */
  async function sse(h: Handler, a: ActorKey, url: string, params: Record<string, string> = {}): Promise<Sent> {
    const ac = new AbortController();
    const u = w.user(a);
    const request = new Request(`http://localhost:3000${url}`, { headers: { host: "localhost:3000", ...(u ? { cookie: u.cookie } : {}) }, signal: ac.signal });
    const res = await h(request, ctx(params));
    await res.body?.cancel().catch(() => undefined);
    ac.abort();
    return { res };
  }
  /** Member routes: own = oneself, same = the teammate, other = W's owner — each in a fresh team copy. */
  async function memberCase(a: ActorKey, o: ObjectKey) {
    const t = await w.freshTeam(a, o);
    const userId = o === "other" ? t.ownerId : o === "same" || a === "anon" ? t.mate : w.user(a)!.id;
    return { teamId: t.teamId, userId };
  }

  /** The video URL the actor's page view of clip `id` hands out, or the page view's refusal. */
  async function issuedVideoUrl(a: ActorKey, id: string): Promise<string | Response> {
    const view = await r.one.GET(req(a, "GET", `/api/generations/${id}`), ctx({ id }));
    if (view.status !== 200) return view;
    const url = ((await view.json()) as { media: { video?: { url: string } } }).media.video?.url;
    return url ?? new Response(null, { status: 404 });
  }
  /** A player fetching the signed URL: no cookie, the URL is the credential. */
  async function signedFetch(a: ActorKey, o: ObjectKey, method: "GET" | "HEAD"): Promise<Sent> {
    const url = await issuedVideoUrl(a, await w.clip(a, o, "STORED"));
    if (url instanceof Response) return { res: url };
    return call(r.signedMedia[method], new Request(`http://localhost:3000${url}`, { method, headers: { host: "localhost:3000" } }));
  }
  /** Films: placed like clips (own = the actor's in their team, a personal one for I; same = the teammate's; other = W's). */
  async function film(a: ActorKey, o: ObjectKey): Promise<string> {
    const { ownerId, teamId } = w.placement(a, o);
    return (await s.db.film.create({ data: { ownerId, teamId, title: `Authz film ${seq++}`, aspect: "16:9" } })).id;
  }
  /** A film with one text shot; `withTake`: a STORED take of the shot, chosen. */
  async function shot(a: ActorKey, o: ObjectKey, withTake = false): Promise<{ filmId: string; shotId: string; takeId: string }> {
    const filmId = await film(a, o);
    const sh = await s.db.shot.create({ data: { filmId, position: 0, mode: "TEXT", prompt: `Authz shot ${seq++}: lanterns over a river` } });
    if (!withTake) return { filmId, shotId: sh.id, takeId: "" };
    const takeId = await w.clip(a, o, "STORED", true);
    await s.db.generation.update({ where: { id: takeId }, data: { shotId: sh.id } });
    await s.db.shot.update({ where: { id: sh.id }, data: { chosenTakeId: takeId } });
    return { filmId, shotId: sh.id, takeId };
  }
  /** A shot of (a, o) with one stored still, made by the shot's owner in the film's workspace. */
  async function stillOf(a: ActorKey, o: ObjectKey): Promise<{ shotId: string; stillId: string }> {
    const { shotId } = await shot(a, o);
    const { ownerId, teamId } = w.placement(a, o);
    const n = seq++;
    const call = await s.db.aiCall.create({
      data: { kind: "STILL", purpose: "still.shot", ownerId, teamId, model: "cogview-4-250304", status: "DONE", costFen: 6, settledFen: 6, request: { prompt: "x", size: "1344x768" }, idemKey: `authz-still-${n}`, paramsHash: "x" },
    });
    const upload = await s.db.upload.create({ data: { ownerId, teamId, storageKey: `uploads/authzstill${n}.jpg`, mime: "image/jpeg", width: 1920, height: 1080, bytes: 1, sha256: "x" } });
    const still = await s.db.shotStill.create({ data: { shotId, callId: call.id, uploadId: upload.id, prompt: "x" } });
    return { shotId, stillId: still.id };
  }
  /** A captioned shot with a finished voice-over: its SPEECH call DONE and its WAV stored, as the call job leaves them. */
  async function voicedShot(a: ActorKey, o: ObjectKey): Promise<string> {
    const { shotId } = await shot(a, o);
    const { ownerId, teamId } = w.placement(a, o);
    const request = { model: "glm-tts", input: "A line", voice: "tongtong", response_format: "wav" };
    const c = await s.db.aiCall.create({ data: { kind: "SPEECH", purpose: "shot.voice", ownerId, teamId, model: "glm-tts", status: "DONE", costFen: 2, settledFen: 2, request, idemKey: `authz-voice-${seq++}`, paramsHash: "x" } });
    const storageKey = `voices/${c.id}.wav`;
    const put = await r.storage().put(storageKey, AUTHZ_WAV, { contentType: "audio/wav" });
    await s.db.aiCall.update({ where: { id: c.id }, data: { answer: { storageKey, durationMs: 10, bytes: put.bytes, sha256: put.sha256 } } });
    await s.db.shot.update({ where: { id: shotId }, data: { caption: "A line", voiceCallId: c.id } });
    return shotId;
  }
  /** A comment on a film of (a, o): own = written by the actor, same = by the teammate, other = by W's owner. */
  async function comment(a: ActorKey, o: ObjectKey): Promise<string> {
    const filmId = await film(a, o);
    const authorId = o === "other" ? w.users.WO.id : o === "same" || a === "anon" ? w.teammate(a).id : w.user(a)!.id;
    return (await s.db.comment.create({ data: { filmId, exportId: "authzexport", timeMs: 1000, body: "Authz comment", authorId } })).id;
  }
  /** A QUEUED export of a film of (a, o): own = made by the actor, same = by the teammate, other = by W's owner. */
  async function filmExport(a: ActorKey, o: ObjectKey, ready = false): Promise<string> {
    const filmId = await film(a, o);
    const createdById = o === "other" ? w.users.WO.id : o === "same" || a === "anon" ? w.teammate(a).id : w.user(a)!.id;
    const done = ready ? { status: "READY" as const, progress: 1, storageKey: "exports/authz/film.mp4", durationMs: 1000, width: 1920, height: 1080, bytes: BigInt(1000), finishedAt: new Date() } : {};
    return (await s.db.filmExport.create({ data: { filmId, createdById, ...done } })).id;
  }
  async function reference(a: ActorKey, o: ObjectKey): Promise<string> {
    const { ownerId, teamId } = w.placement(a, o);
    return (await s.db.reference.create({ data: { ownerId, teamId, kind: "CHARACTER", name: `Authz ref ${seq++}`, uploadId: await w.upload(a, o) } })).id;
  }

  const runners: Record<string, Runner> = {
    // Films
    "GET /api/films/:filmId": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.film.GET, req(a, "GET", `/api/films/${filmId}`), { filmId });
    },
    "PATCH /api/films/:filmId": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.film.PATCH, req(a, "PATCH", `/api/films/${filmId}`, { title: "Renamed film" }), { filmId });
    },
    "DELETE /api/films/:filmId": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.film.DELETE, req(a, "DELETE", `/api/films/${filmId}`), { filmId });
    },
    "GET /api/films/:filmId/cut": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.filmCut.GET, req(a, "GET", `/api/films/${filmId}/cut`), { filmId });
    },
    "POST /api/films/:filmId/shots": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.filmShots.POST, req(a, "POST", `/api/films/${filmId}/shots`, { mode: "text", prompt: "A new shot" }), { filmId });
    },
    "PUT /api/films/:filmId/shots/order": async (a, o) => {
      const { filmId, shotId } = await shot(a, o);
      return call(r.filmOrder.PUT, req(a, "PUT", `/api/films/${filmId}/shots/order`, { order: [shotId] }), { filmId });
    },
    "GET /api/films/:filmId/comments": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.filmComments.GET, req(a, "GET", `/api/films/${filmId}/comments`), { filmId });
    },
    "POST /api/films/:filmId/comments": async (a, o) => {
      // On a READY export of the film: the export's comments are the film's (viewers comment too).
      const exportId = await filmExport(a, o, true);
      const { filmId } = await s.db.filmExport.findUniqueOrThrow({ where: { id: exportId }, select: { filmId: true } });
      return call(r.filmComments.POST, req(a, "POST", `/api/films/${filmId}/comments`, { exportId, timeMs: 1200, body: "Too dark here" }), { filmId });
    },
    "PATCH /api/shots/:shotId": async (a, o) => {
      const { shotId } = await shot(a, o);
      return call(r.shot.PATCH, req(a, "PATCH", `/api/shots/${shotId}`, { caption: "A line" }), { shotId });
    },
    "DELETE /api/shots/:shotId": async (a, o) => {
      const { shotId } = await shot(a, o);
      return call(r.shot.DELETE, req(a, "DELETE", `/api/shots/${shotId}`), { shotId });
    },
    "POST /api/shots/:shotId/duplicate": async (a, o) => {
      const { shotId } = await shot(a, o);
      return call(r.shotDuplicate.POST, req(a, "POST", `/api/shots/${shotId}/duplicate`, {}), { shotId });
    },
    "PUT /api/shots/:shotId/chosen-take": async (a, o) => {
      const { shotId, takeId } = await shot(a, o, true);
      return call(r.shotChosen.PUT, req(a, "PUT", `/api/shots/${shotId}/chosen-take`, { takeId }), { shotId });
    },
    "POST /api/shots/:shotId/review": async (a, o) => {
      const { shotId } = await shot(a, o, true);
      return call(r.shotReview.POST, req(a, "POST", `/api/shots/${shotId}/review`, { decision: "approve" }), { shotId });
    },
    "POST /api/shots/:shotId/takes": async (a, o) => {
      const { shotId } = await shot(a, o);
      return call(r.shotTakes.POST, req(a, "POST", `/api/shots/${shotId}/takes`, { count: 1 }, key()), { shotId });
    },
    "GET /api/shots/:shotId/stills": async (a, o) => {
      const { shotId } = await shot(a, o);
      return call(r.shotStills.GET, req(a, "GET", `/api/shots/${shotId}/stills`), { shotId });
    },
    "POST /api/shots/:shotId/stills": async (a, o) => {
      const { shotId } = await shot(a, o);
      return call(r.shotStills.POST, req(a, "POST", `/api/shots/${shotId}/stills`, { count: 1 }, key()), { shotId });
    },
    "POST /api/shots/:shotId/stills/:stillId/use": async (a, o) => {
      const { shotId, stillId } = await stillOf(a, o);
      return call(r.shotStillUse.POST, req(a, "POST", `/api/shots/${shotId}/stills/${stillId}/use`, { frame: "start" }), { shotId, stillId });
    },
    "POST /api/shots/:shotId/voice": async (a, o) => {
      const { shotId } = await shot(a, o);
      await s.db.shot.update({ where: { id: shotId }, data: { caption: "A line to speak" } });
      return call(r.shotVoice.POST, req(a, "POST", `/api/shots/${shotId}/voice`, { voice: "tongtong" }, key()), { shotId });
    },
    "GET /api/shots/:shotId/voice": async (a, o) => {
      const shotId = await voicedShot(a, o);
      return call(r.shotVoice.GET, req(a, "GET", `/api/shots/${shotId}/voice`), { shotId });
    },
    "DELETE /api/shots/:shotId/voice": async (a, o) => {
      const shotId = await voicedShot(a, o);
      return call(r.shotVoice.DELETE, req(a, "DELETE", `/api/shots/${shotId}/voice`), { shotId });
    },
    "GET /api/shots/:shotId/voice/audio": async (a, o) => {
      const shotId = await voicedShot(a, o);
      return call(r.shotVoiceAudio.GET, req(a, "GET", `/api/shots/${shotId}/voice/audio`), { shotId });
    },
    "HEAD /api/shots/:shotId/voice/audio": async (a, o) => {
      const shotId = await voicedShot(a, o);
      return call(r.shotVoiceAudio.HEAD, req(a, "HEAD", `/api/shots/${shotId}/voice/audio`), { shotId });
    },
    "GET /api/films/:filmId/voices": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.filmVoices.GET, req(a, "GET", `/api/films/${filmId}/voices`), { filmId });
    },
    "PUT /api/films/:filmId/voices": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.filmVoices.PUT, req(a, "PUT", `/api/films/${filmId}/voices`, { cast: { Mei: "xiaochen" } }), { filmId });
    },
    "GET /api/films/:filmId/script": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.filmScript.GET, req(a, "GET", `/api/films/${filmId}/script`), { filmId });
    },
    "POST /api/films/:filmId/script": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.filmScript.POST, req(a, "POST", `/api/films/${filmId}/script`, { text: `INT. HARBOUR - DAWN\nA boat leaves ${seq++}.` }, key()), { filmId });
    },
    "DELETE /api/films/:filmId/script": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.filmScript.DELETE, req(a, "DELETE", `/api/films/${filmId}/script`), { filmId });
    },
    "GET /api/films/:filmId/script/estimate": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.filmScriptEstimate.GET, req(a, "GET", `/api/films/${filmId}/script/estimate?chars=400`), { filmId });
    },
    // With no draft to save or accept, an allowed actor meets 409 draft_conflict: past the role check.
    "PUT /api/films/:filmId/script/draft": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.filmScriptDraft.PUT, req(a, "PUT", `/api/films/${filmId}/script/draft`, SCRIPT_DRAFT), { filmId });
    },
    "POST /api/films/:filmId/script/accept": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.filmScriptAccept.POST, req(a, "POST", `/api/films/${filmId}/script/accept`, SCRIPT_DRAFT), { filmId });
    },
    // No draft with a failed part to retry: 409 not_retryable once the film is visible and editable.
    "POST /api/films/:filmId/script/retry": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.filmScriptRetry.POST, req(a, "POST", `/api/films/${filmId}/script/retry`), { filmId });
    },
    "GET /api/shots/:shotId/takes/estimate": async (a, o) => {
      const { shotId } = await shot(a, o);
      return call(r.shotEstimate.GET, req(a, "GET", `/api/shots/${shotId}/takes/estimate?count=2`), { shotId });
    },
    "GET /api/films/:filmId/exports": async (a, o) => {
      const filmId = await film(a, o);
      return call(r.filmExports.GET, req(a, "GET", `/api/films/${filmId}/exports`), { filmId });
    },
    "POST /api/films/:filmId/exports": async (a, o) => {
      const { filmId } = await shot(a, o, true);
      return call(r.filmExports.POST, req(a, "POST", `/api/films/${filmId}/exports`, { captions: true }), { filmId });
    },
    "GET /api/films/:filmId/exports/events": async (a, o) => {
      const filmId = await film(a, o);
      return sse(r.filmExportEvents.GET, a, `/api/films/${filmId}/exports/events`, { filmId });
    },
    "GET /api/films/:filmId/handoff": async (a, o) => {
      const { filmId } = await shot(a, o, true);
      return call(r.filmHandoff.GET, req(a, "GET", `/api/films/${filmId}/handoff`), { filmId });
    },
    "GET /api/exports/:exportId": async (a, o) => {
      const exportId = await filmExport(a, o);
      return call(r.filmExport.GET, req(a, "GET", `/api/exports/${exportId}`), { exportId });
    },
    "DELETE /api/exports/:exportId": async (a, o) => {
      const exportId = await filmExport(a, o);
      return call(r.filmExport.DELETE, req(a, "DELETE", `/api/exports/${exportId}`), { exportId });
    },
    "POST /api/exports/:exportId/cancel": async (a, o) => {
      const exportId = await filmExport(a, o);
      return call(r.filmExportCancel.POST, req(a, "POST", `/api/exports/${exportId}/cancel`), { exportId });
    },
    "GET /api/exports/:exportId/share-links": async (a, o) => {
      const exportId = await filmExport(a, o, true);
      return call(r.filmExportShares.GET, req(a, "GET", `/api/exports/${exportId}/share-links`), { exportId });
    },
    "POST /api/exports/:exportId/share-links": async (a, o) => {
      const exportId = await filmExport(a, o, true);
      return call(r.filmExportShares.POST, req(a, "POST", `/api/exports/${exportId}/share-links`, { expiresInHours: 24 }), { exportId });
    },
    "GET /api/films/:filmId/generate-missing": async (a, o) => {
      const { filmId } = await shot(a, o);
      return call(r.filmMissing.GET, req(a, "GET", `/api/films/${filmId}/generate-missing?takes=1`), { filmId });
    },
    "POST /api/films/:filmId/generate-missing": async (a, o) => {
      const { filmId } = await shot(a, o);
      return call(r.filmMissing.POST, req(a, "POST", `/api/films/${filmId}/generate-missing`, { takes: 1, expectTotalFen: 250 }, key()), { filmId });
    },
    "POST /api/films/:filmId/generate-missing/:batchId/cancel": async (a, o) => {
      // A one-take batch of (a, o)'s owner: a QUEUED take of the film's shot under the batch's key.
      const { filmId, shotId } = await shot(a, o);
      const batchId = randomBytes(12).toString("hex");
      const takeId = await w.clip(a, o, "QUEUED", true);
      await s.db.generation.update({ where: { id: takeId }, data: { shotId, idemKey: `fb.${batchId}.${shotId}.0` } });
      return call(r.filmBatchCancel.POST, req(a, "POST", `/api/films/${filmId}/generate-missing/${batchId}/cancel`), { filmId, batchId });
    },
    "PATCH /api/comments/:commentId": async (a, o) => {
      const commentId = await comment(a, o);
      return call(r.comment.PATCH, req(a, "PATCH", `/api/comments/${commentId}`, { body: "Edited" }), { commentId });
    },
    "DELETE /api/comments/:commentId": async (a, o) => {
      const commentId = await comment(a, o);
      return call(r.comment.DELETE, req(a, "DELETE", `/api/comments/${commentId}`), { commentId });
    },
    "PATCH /api/references/:referenceId": async (a, o) => {
      const referenceId = await reference(a, o);
      return call(r.reference.PATCH, req(a, "PATCH", `/api/references/${referenceId}`, { name: "Renamed ref" }), { referenceId });
    },
    "DELETE /api/references/:referenceId": async (a, o) => {
      const referenceId = await reference(a, o);
      return call(r.reference.DELETE, req(a, "DELETE", `/api/references/${referenceId}`), { referenceId });
    },
    "GET /api/films?team=:teamId": (a, o) => call(r.films.GET, req(a, "GET", `/api/films?team=${w.team(a, o)}`)),
    "POST /api/films?team=:teamId": (a, o) => call(r.films.POST, req(a, "POST", `/api/films?team=${w.team(a, o)}`, { title: `Team film ${seq++}`, aspect: "9:16" })),
    "GET /api/references?team=:teamId": (a, o) => call(r.references.GET, req(a, "GET", `/api/references?team=${w.team(a, o)}`)),
    "POST /api/references?team=:teamId": async (a, o) =>
      call(r.references.POST, req(a, "POST", `/api/references?team=${w.team(a, o)}`, { kind: "product", name: `Team ref ${seq++}`, uploadId: await w.upload(a, "own") })),
    "GET /api/films": (a) => call(r.films.GET, req(a, "GET", "/api/films")),
    "GET /api/stills?team=:teamId": (a, o) => call(r.stills.GET, req(a, "GET", `/api/stills?team=${w.team(a, o)}`)),
    "GET /api/stills": (a) => call(r.stills.GET, req(a, "GET", "/api/stills")),
    "POST /api/films": (a) => call(r.films.POST, req(a, "POST", "/api/films", { title: `Personal film ${seq++}`, aspect: "1:1" })),
    "GET /api/references": (a) => call(r.references.GET, req(a, "GET", "/api/references")),
    "POST /api/references": async (a) => call(r.references.POST, req(a, "POST", "/api/references", { kind: "character", name: `Personal ref ${seq++}`, uploadId: await w.upload(a, "own") })),
    // Clips
    "GET /api/generations/:id": async (a, o) => {
      const id = await w.clip(a, o, "STORED");
      return call(r.one.GET, req(a, "GET", `/api/generations/${id}`), { id });
    },
    "PATCH /api/generations/:id": async (a, o) => {
      const id = await w.clip(a, o, "STORED");
      return call(r.one.PATCH, req(a, "PATCH", `/api/generations/${id}`, { favourite: true }), { id });
    },
    "DELETE /api/generations/:id": async (a, o) => {
      const id = await w.clip(a, o, "FAILED", true);
      return call(r.one.DELETE, req(a, "DELETE", `/api/generations/${id}`), { id });
    },
    "POST /api/generations/:id/cancel": async (a, o) => {
      const id = await w.clip(a, o, "QUEUED", true);
      return call(r.cancel.POST, req(a, "POST", `/api/generations/${id}/cancel`), { id });
    },
    "POST /api/generations/:id/retry": async (a, o) => {
      const id = await w.clip(a, o, "FAILED");
      return call(r.retry.POST, req(a, "POST", `/api/generations/${id}/retry`, undefined, key()), { id });
    },
    "POST /api/generations/:id/last-frame": async (a, o) => {
      const id = await w.clip(a, o, "STORED", true);
      return call(r.lastFrame.POST, req(a, "POST", `/api/generations/${id}/last-frame`), { id });
    },
    "POST /api/generations/:id/derivatives": async (a, o) => {
      const id = await w.clip(a, o, "STORED");
      return call(r.derivatives.POST, req(a, "POST", `/api/generations/${id}/derivatives`), { id });
    },
    "GET /api/generations/:id/last-frame": async (a, o) => {
      const id = await w.clip(a, o, "STORED");
      return call(r.lastFrame.GET, req(a, "GET", `/api/generations/${id}/last-frame`), { id });
    },
    "GET /api/generations/:id/events": async (a, o) => {
      const id = await w.clip(a, o, "STORED");
      return sse(r.clipEvents.GET, a, `/api/generations/${id}/events`, { id });
    },
    "GET /api/generations/:id/remix": async (a, o) => {
      const id = await w.clip(a, o, "STORED");
      return call(r.remix.GET, req(a, "GET", `/api/generations/${id}/remix`), { id });
    },
    "POST /api/generations/:id/move": async (a, o) => {
      const id = await w.personalClip(a, o);
      return call(r.move.POST, req(a, "POST", `/api/generations/${id}/move`, { teamId: w.team(a, o) }), { id });
    },
    "GET /api/generations/:id/share-links": async (a, o) => {
      const id = await w.clip(a, o, "STORED");
      return call(r.clipShareLinks.GET, req(a, "GET", `/api/generations/${id}/share-links`), { id });
    },
    "POST /api/generations/:id/share-links": async (a, o) => {
      const id = await w.clip(a, o, "STORED");
      return call(r.clipShareLinks.POST, req(a, "POST", `/api/generations/${id}/share-links`, { expiresInHours: 24, allowDownload: true }), { id });
    },
    "DELETE /api/share-links/:linkId": async (a, o) => {
      const link = await w.shareLink(a, o);
      return call(r.shareLink.DELETE, req(a, "DELETE", `/api/share-links/${link.id}`), { linkId: link.id });
    },
    "GET /api/media/:generationId/:file": async (a, o) => {
      const id = await w.clip(a, o, "STORED");
      return call(r.media.GET, req(a, "GET", `/api/media/${id}/video.mp4`), { generationId: id, file: "video.mp4" });
    },
    "HEAD /api/media/:generationId/:file": async (a, o) => {
      const id = await w.clip(a, o, "STORED");
      return call(r.media.HEAD, req(a, "HEAD", `/api/media/${id}/video.mp4`), { generationId: id, file: "video.mp4" });
    },
    "GET /api/media/:generationId/:file?download=1": async (a, o) => {
      const id = await w.clip(a, o, "STORED");
      return call(r.media.GET, req(a, "GET", `/api/media/${id}/video.mp4?download=1`), { generationId: id, file: "video.mp4" });
    },
    "POST /api/generations/export": async (a, o) => {
      const id = await w.clip(a, o, "STORED");
      return call(r.exportZip.POST, req(a, "POST", "/api/generations/export", { ids: [id] }));
    },
    "POST /api/generations/bulk {favourite}": async (a, o) => {
      const id = await w.clip(a, o, "STORED");
      return { ...(await call(r.bulk.POST, req(a, "POST", "/api/generations/bulk", { action: "favourite", ids: [id], favourite: true }))), doneId: id };
    },
    "POST /api/generations/bulk {delete}": async (a, o) => {
      const id = await w.clip(a, o, "FAILED", true);
      return { ...(await call(r.bulk.POST, req(a, "POST", "/api/generations/bulk", { action: "delete", ids: [id] }))), doneId: id };
    },
    "GET /api/uploads/:id": async (a, o) => {
      const id = await w.upload(a, o);
      return call(r.upload.GET, req(a, "GET", `/api/uploads/${id}`), { id });
    },
    "HEAD /api/uploads/:id": async (a, o) => {
      const id = await w.upload(a, o);
      return call(r.upload.HEAD, req(a, "HEAD", `/api/uploads/${id}`), { id });
    },
    // Workspaces
    "GET /api/generations?team=:teamId": (a, o) => call(r.generations.GET, req(a, "GET", `/api/generations?team=${w.team(a, o)}`)),
    "POST /api/prompt-help?team=:teamId": (a, o) =>
      call(r.promptHelp.POST, req(a, "POST", `/api/prompt-help?team=${w.team(a, o)}`, { action: "expand", text: `a lighthouse ${seq++}` }, key())),
    "GET /api/prompt-help/:id": async (a, o) => {
      // own: the actor's call; same: a teammate's (M2, or X2 for X); other: W's member.
      const owner = o === "own" ? w.user(a)?.id : o === "same" ? (a === "otherTeam" ? w.users.X2.id : w.users.M2.id) : w.users.WM.id;
      const call0 = await w.db.aiCall.create({
        data: { kind: "CHAT", purpose: "prompt.expand", ownerId: owner ?? w.users.M2.id, model: "glm-4-flash-250414", costFen: 2, request: {}, idemKey: `authz-${seq++}`, paramsHash: "x" },
      });
      return call(r.promptHelpOne.GET, req(a, "GET", `/api/prompt-help/${call0.id}`), { id: call0.id });
    },
    "POST /api/generations?team=:teamId": (a, o) =>
      call(r.generations.POST, req(a, "POST", `/api/generations?team=${w.team(a, o)}`, { ...TEXT, prompt: `${TEXT.prompt} ${seq}` }, key())),
    "GET /api/generations/events?team=:teamId": (a, o) => sse(r.events.GET, a, `/api/generations/events?team=${w.team(a, o)}`),
    "PUT /api/workspace {teamId}": (a, o) => call(r.workspace.PUT, req(a, "PUT", "/api/workspace", { teamId: w.team(a, o) })),
    "GET /api/workspace/budget?team=:teamId": (a, o) => call(r.workspaceBudget.GET, req(a, "GET", `/api/workspace/budget?team=${w.team(a, o)}`)),
    "GET /api/studio/draft?team=:teamId": (a, o) => call(r.studioDraft.GET, req(a, "GET", `/api/studio/draft?team=${w.team(a, o)}`)),
    "PUT /api/studio/draft?team=:teamId": (a, o) => saveDraft(a, `/api/studio/draft?team=${w.team(a, o)}`),
    "DELETE /api/studio/draft?team=:teamId": (a, o) => call(r.studioDraft.DELETE, req(a, "DELETE", `/api/studio/draft?team=${w.team(a, o)}`)),
    "GET /api/studio/prompts?team=:teamId": (a, o) => call(r.studioPrompts.GET, req(a, "GET", `/api/studio/prompts?team=${w.team(a, o)}`)),
    // Teams
    "GET /api/teams/:teamId": (a, o) => call(r.team.GET, req(a, "GET", `/api/teams/${w.team(a, o)}`), { teamId: w.team(a, o) }),
    "PATCH /api/teams/:teamId": (a, o) =>
      call(r.team.PATCH, req(a, "PATCH", `/api/teams/${w.team(a, o)}`, { name: `Renamed ${seq++}` }), { teamId: w.team(a, o) }),
    "DELETE /api/teams/:teamId": async (a, o) => {
      const { teamId } = await w.freshTeam(a, o);
      return call(r.team.DELETE, req(a, "DELETE", `/api/teams/${teamId}`), { teamId });
    },
    "POST /api/teams/:teamId/transfer": async (a, o) => {
      const { teamId, mate } = await w.freshTeam(a, o);
      return call(r.transfer.POST, req(a, "POST", `/api/teams/${teamId}/transfer`, { userId: mate }), { teamId });
    },
    "GET /api/teams/:teamId/members": (a, o) => call(r.members.GET, req(a, "GET", `/api/teams/${w.team(a, o)}/members`), { teamId: w.team(a, o) }),
    "PATCH /api/teams/:teamId/members/:userId": async (a, o) => {
      const { teamId, userId } = await memberCase(a, o);
      return call(r.member.PATCH, req(a, "PATCH", `/api/teams/${teamId}/members/${userId}`, { role: "VIEWER" }), { teamId, userId });
    },
    "DELETE /api/teams/:teamId/members/:userId": async (a, o) => {
      const { teamId, userId } = await memberCase(a, o);
      return call(r.member.DELETE, req(a, "DELETE", `/api/teams/${teamId}/members/${userId}`), { teamId, userId });
    },
    "GET /api/teams/:teamId/invites": (a, o) => call(r.teamInvites.GET, req(a, "GET", `/api/teams/${w.team(a, o)}/invites`), { teamId: w.team(a, o) }),
    "POST /api/teams/:teamId/invites": (a, o) =>
      call(r.teamInvites.POST, req(a, "POST", `/api/teams/${w.team(a, o)}/invites`, { kind: "link", role: "MEMBER" }), { teamId: w.team(a, o) }),
    "DELETE /api/teams/:teamId/invites/:inviteId": async (a, o) => {
      const teamId = w.team(a, o);
      const inv = await w.invite({ teamId, createdById: creator(a, o), email: `authz-revoke-${seq++}@example.test` });
      return call(r.teamInvite.DELETE, req(a, "DELETE", `/api/teams/${teamId}/invites/${inv.id}`), { teamId, inviteId: inv.id });
    },
    "GET /api/teams/:teamId/budgets": (a, o) => call(r.budgets.GET, req(a, "GET", `/api/teams/${w.team(a, o)}/budgets`), { teamId: w.team(a, o) }),
    "PUT /api/teams/:teamId/budgets": (a, o) =>
      call(r.budgets.PUT, req(a, "PUT", `/api/teams/${w.team(a, o)}/budgets`, { scope: "TEAM_MONTHLY", limitFen: MAX_FEN }), { teamId: w.team(a, o) }),
    "DELETE /api/teams/:teamId/budgets": (a, o) =>
      call(r.budgets.DELETE, req(a, "DELETE", `/api/teams/${w.team(a, o)}/budgets`, { scope: "TEAM_MONTHLY" }), { teamId: w.team(a, o) }),
    "GET /api/teams/:teamId/usage": (a, o) => call(r.usage.GET, req(a, "GET", `/api/teams/${w.team(a, o)}/usage`), { teamId: w.team(a, o) }),
    "GET /api/teams/:teamId/usage/export": async (a, o) =>
      call(r.usageExport.GET, req(a, "GET", `/api/teams/${w.team(a, o)}/usage/export`), { teamId: w.team(a, o) }),
    "GET /api/teams/:teamId/audit": (a, o) => call(r.audit.GET, req(a, "GET", `/api/teams/${w.team(a, o)}/audit`), { teamId: w.team(a, o) }),
    // The invitee's side
    "POST /api/invites/:inviteId/accept": async (a, o) => {
      const inv = await emailInvite(a, o);
      return call(r.emailAccept.POST, req(a, "POST", `/api/invites/${inv}/accept`), { inviteId: inv });
    },
    "POST /api/invites/:inviteId/decline": async (a, o) => {
      const inv = await emailInvite(a, o);
      return call(r.emailDecline.POST, req(a, "POST", `/api/invites/${inv}/decline`), { inviteId: inv });
    },
    "GET /api/invites/link/:token": async (a, o) => {
      const { token } = await w.invite({ teamId: w.team(a, o), createdById: creator(a, o) });
      return call(r.linkPreview.GET, req(a, "GET", `/api/invites/link/${token}`), { token: token! });
    },
    "POST /api/invites/link/:token/accept": async (a, o) => {
      const t = await w.freshTeam(a, o);
      const { token } = await w.invite({ teamId: t.teamId, createdById: t.ownerId });
      return call(r.linkAccept.POST, req(a, "POST", `/api/invites/link/${token}/accept`), { token: token! });
    },
    "POST /api/invites/link/:token/decline": async (a, o) => {
      const { token } = await w.invite({ teamId: w.team(a, o), createdById: creator(a, o) });
      return call(r.linkDecline.POST, req(a, "POST", `/api/invites/link/${token}/decline`), { token: token! });
    },
    // Signed media URLs: issued by a page view, fetched with no cookie.
    "GET /api/media/signed/:...key": (a, o) => signedFetch(a, o, "GET"),
    "HEAD /api/media/signed/:...key": (a, o) => signedFetch(a, o, "HEAD"),
    "GET /api/media/signed/:...key (path swapped to the object)": async (a, o) => {
      const own = await issuedVideoUrl(a, await w.clip(a, "own", "STORED"));
      if (own instanceof Response) return { res: own };
      const target = o === "own" ? own.replace("/video.mp4?", "/poster.jpg?") : own.replace(/clips\/[^/]+\//, `clips/${await w.clip(a, o, "STORED")}/`);
      return call(r.signedMedia.GET, new Request(`http://localhost:3000${target}`, { headers: { host: "localhost:3000" } }));
    },
    "GET /api/media/signed/:...key (from a share page)": async (a, o) => {
      const { token } = await w.shareLink(a, o);
      const page = await r.shareResolve.loadSharedClip(s.db, token!);
      if (!page) return { res: new Response(null, { status: 404 }) };
      const u = w.user(a);
      return call(r.signedMedia.GET, new Request(`http://localhost:3000${page.videoUrl}`, { headers: { host: "localhost:3000", ...(u ? { cookie: u.cookie } : {}) } }));
    },
    // Public share links
    "GET /api/s/:token/:file": async (a, o) => {
      const { token } = await w.shareLink(a, o);
      return call(r.shared.GET, req(a, "GET", `/api/s/${token}/video.mp4`, undefined, { "x-framehouse-client-ip": `10.6.${kind.length}.${seq++ % 250}` }), { token, file: "video.mp4" });
    },
    "HEAD /api/s/:token/:file": async (a, o) => {
      const { token } = await w.shareLink(a, o);
      return call(r.shared.HEAD, req(a, "HEAD", `/api/s/${token}/video.mp4`, undefined, { "x-framehouse-client-ip": `10.6.${kind.length}.${seq++ % 250}` }), { token, file: "video.mp4" });
    },
    // No object
    "GET /api/generations": (a) => call(r.generations.GET, req(a, "GET", "/api/generations")),
    "POST /api/prompt-help": (a) => call(r.promptHelp.POST, req(a, "POST", "/api/prompt-help", { action: "translate", text: `灯塔 ${seq++}` }, key())),
    "POST /api/generations": (a) => call(r.generations.POST, req(a, "POST", "/api/generations", { ...TEXT, prompt: `${TEXT.prompt} ${seq}` }, key())),
    "GET /api/generations/events": (a) => sse(r.events.GET, a, "/api/generations/events"),
    "GET /api/generations/tags": (a) => call(r.tags.GET, req(a, "GET", "/api/generations/tags")),
    "PUT /api/workspace {teamId: null}": (a) => call(r.workspace.PUT, req(a, "PUT", "/api/workspace", { teamId: null })),
    "GET /api/workspace/budget": (a) => call(r.workspaceBudget.GET, req(a, "GET", "/api/workspace/budget")),
    "GET /api/studio/draft": (a) => call(r.studioDraft.GET, req(a, "GET", "/api/studio/draft")),
    "PUT /api/studio/draft": (a) => saveDraft(a, "/api/studio/draft"),
    "DELETE /api/studio/draft": (a) => call(r.studioDraft.DELETE, req(a, "DELETE", "/api/studio/draft")),
    "GET /api/studio/prompts": (a) => call(r.studioPrompts.GET, req(a, "GET", "/api/studio/prompts")),
    "POST /api/uploads": (a) => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(image)], { type: "image/png" }), "landscape.png");
      const u = w.user(a);
      return call(
        r.uploads.POST,
        new Request("http://localhost:3000/api/uploads", { method: "POST", headers: { host: "localhost:3000", origin: "http://localhost:3000", ...(u ? { cookie: u.cookie } : {}) }, body: form }),
      );
    },
    "GET /api/upstream/status": (a) => call(r.upstream.GET, req(a, "GET", "/api/upstream/status")),
    "GET /api/teams": (a) => call(r.teams.GET, req(a, "GET", "/api/teams")),
    "POST /api/teams": (a) => call(r.teams.POST, req(a, "POST", "/api/teams", { name: `Authz new ${seq++}` })),
    "GET /api/invites": (a) => call(r.myInvites.GET, req(a, "GET", "/api/invites")),
    "GET /api/health": (a) => call(r.health.GET, req(a, "GET", "/api/health")),
    "POST /api/locale": (a) => call(r.locale.POST, req(a, "POST", "/api/locale", { locale: "zh-CN" })),
    "POST /api/account/sign-up": (a) =>
      call(r.signUp.POST, req(a, "POST", "/api/account/sign-up", { email: `authz-signup-${kind}-${seq++}@example.test`, password: "correct horse battery staple" })),
    "GET /api/admin/settings": (a) => call(r.adminSettings.GET, req(a, "GET", "/api/admin/settings")),
    "PUT /api/admin/settings": (a) => call(r.adminSettings.PUT, req(a, "PUT", "/api/admin/settings", { registration: "open" })),
    "GET /api/admin/budget": (a) => call(r.adminBudget.GET, req(a, "GET", "/api/admin/budget")),
    "PUT /api/admin/budget": (a) => call(r.adminBudget.PUT, req(a, "PUT", "/api/admin/budget", { limitFen: MAX_FEN })),
    "DELETE /api/admin/budget": (a) => call(r.adminBudget.DELETE, req(a, "DELETE", "/api/admin/budget")),
    "POST /api/admin/invites": (a) => call(r.adminInvites.POST, req(a, "POST", "/api/admin/invites", {})),
    ...Object.fromEntries(
      (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((m) => [
        `${m} /api/:...path`,
        (a: ActorKey) => call(r.unknownApi[m], req(a, m, "/api/no/such/route", m === "GET" ? undefined : {}), { path: "no/such/route" }),
      ]),
    ),
    "GET /api/admin/held": (a) => call(r.adminHeld.GET, req(a, "GET", "/api/admin/held")),
    "POST /api/admin/held/:id": (a) => call(r.adminHeldOne.POST, req(a, "POST", "/api/admin/held/clnotaheldtake0000000000", { action: "fail" }), { id: "clnotaheldtake0000000000" }),
    "GET /api/admin/users": (a) => call(r.adminUsers.GET, req(a, "GET", "/api/admin/users")),
    "POST /api/admin/users/:userId/disable": async (a) => {
      const u = await s.db.user.create({ data: { email: `authz-disable-${kind}-${seq++}@example.test` } });
      return call(r.adminUserDisable.POST, req(a, "POST", `/api/admin/users/${u.id}/disable`), { userId: u.id });
    },
    "POST /api/admin/users/:userId/enable": async (a) => {
      const u = await s.db.user.create({ data: { email: `authz-enable-${kind}-${seq++}@example.test`, disabledAt: new Date() } });
      return call(r.adminUserEnable.POST, req(a, "POST", `/api/admin/users/${u.id}/enable`), { userId: u.id });
    },
    "POST /api/admin/users/:userId/reset-link": async (a) => {
      const u = await s.db.user.create({ data: { email: `authz-reset-link-${kind}-${seq++}@example.test` } });
      return call(r.adminUserResetLink.POST, req(a, "POST", `/api/admin/users/${u.id}/reset-link`), { userId: u.id });
    },
    "GET /api/account": (a) => call(r.account.GET, req(a, "GET", "/api/account")),
    "PATCH /api/account": (a) => call(r.account.PATCH, req(a, "PATCH", "/api/account", { locale: "en" })),
    // Both end the actor's other sessions: the actor's session version (and for sign-out-everywhere its
    // session row) is put back so later cells keep their cookie.
    "POST /api/account/password": async (a) => {
      const u = w.user(a);
      if (u) await s.db.user.update({ where: { id: u.id }, data: { passwordHash: await hashPassword("authz current password") } });
      resetHashGate(); // the cells come from one address: stay under its hashing rate
      const sent = await call(r.accountPassword.POST, req(a, "POST", "/api/account/password", { current: "authz current password", next: "authz next password" }));
      if (u) await s.db.user.update({ where: { id: u.id }, data: { sessionVersion: 0 } });
      return sent;
    },
    "POST /api/account/sign-out-everywhere": async (a) => {
      const sent = await call(r.accountSignOutEverywhere.POST, req(a, "POST", "/api/account/sign-out-everywhere"));
      const u = w.user(a);
      if (u) await s.db.user.update({ where: { id: u.id }, data: { sessionVersion: 0 } });
      if (u) await s.db.userSession.updateMany({ where: { userId: u.id }, data: { revokedAt: null } });
      return sent;
    },
    "GET /api/account/sessions": (a) => call(r.accountSessions.GET, req(a, "GET", "/api/account/sessions")),
    // Ends the actor's other sessions only: the actor's own cookie keeps working for later cells.
    "POST /api/account/sign-out-others": (a) => call(r.accountSignOutOthers.POST, req(a, "POST", "/api/account/sign-out-others")),
    // A fresh session row: own = the actor's (a second device), same = the teammate's, other = W's member's.
    "DELETE /api/account/sessions/:sessionId": async (a, o) => {
      const owner = o === "other" ? w.users.WM : o === "same" || a === "anon" ? w.teammate(a) : w.user(a)!;
      const sessionId = (await s.db.userSession.create({ data: { userId: owner.id } })).id;
      return call(r.accountSession.DELETE, req(a, "DELETE", `/api/account/sessions/${sessionId}`), { sessionId });
    },
    "POST /api/account/reset": async (a) => {
      const target = await s.db.user.create({ data: { email: `authz-reset-${kind}-${seq++}@example.test` } });
      const token = newLinkToken();
      await s.db.passwordReset.create({ data: { tokenHash: linkTokenHash(token), userId: target.id, expiresAt: new Date(Date.now() + 3600_000) } });
      resetHashGate();
      return call(r.accountReset.POST, req(a, "POST", "/api/account/reset", { token, password: "authz reset password" }));
    },
    "POST /api/account/reset-request": async (a) => {
      (await import("@/lib/server/users/reset-request-limit")).resetResetRequestLimit(); // the cells come from one address
      const sent = await call(r.accountResetRequest.POST, req(a, "POST", "/api/account/reset-request", { email: `authz-nobody-${kind}-${seq++}@example.test` }));
      await (await import("@/lib/server/users/request-reset")).settleResetRequests();
      return sent;
    },
  };

  /** Email invitations: own = addressed to the actor, same = to the teammate (both from a fresh team), other = W's, to W's member. */
  async function emailInvite(a: ActorKey, o: ObjectKey): Promise<string> {
    if (o === "other") return (await w.invite({ teamId: w.teams.W, createdById: w.users.WO.id, email: w.users.WM.email })).id;
    const to = o === "same" || a === "anon" ? w.teammate(a) : w.user(a)!;
    return (await w.invite({ teamId: await w.bareTeam(), createdById: w.users.WO.id, email: to.email })).id;
  }

  async function outcome(sent: Sent): Promise<Expected> {
    const { res, doneId } = sent;
    if (doneId === undefined || res.status !== 200) {
      await res.body?.cancel().catch(() => undefined);
      return res.status;
    }
    const body = (await res.json()) as { done: string[] };
    return body.done.includes(doneId) ? "200 done" : "200 missing";
  }

  it("covers every route method: each is in the table or explicitly excluded, and every table row has a runner", () => {
    const covered = new Set([...MATRIX.map(([route]) => baseOf(route)), ...EXCLUDED.map(([route]) => route)]);
    const missing = routeMethods().filter((rm) => !covered.has(rm));
    expect(missing, `route methods missing from authz-matrix.table.ts: ${missing.join(", ")}`).toEqual([]);
    const stale = [...covered].filter((rm) => !routeMethods().includes(rm));
    expect(stale, "table rows for route methods that no longer exist").toEqual([]);
    expect(Object.keys(runners).sort()).toEqual([...new Set(MATRIX.map(([route]) => route))].sort());
    for (const route of new Set(MATRIX.map(([r]) => r))) {
      const objects = MATRIX.filter(([r]) => r === route).map(([, o]) => o).sort().join(",");
      expect(["other,own,same", "-"], `objects of ${route}`).toContain(objects);
    }
  });

  it("every cell agrees with the table (100 %)", { timeout: 240_000 }, async () => {
    const started = Date.now();
    const mismatches: string[] = [];
    let cells = 0;
    for (const [route, obj, expected] of MATRIX) {
      for (const actor of ACTORS) {
        cells++;
        let actual: Expected | string;
        try {
          actual = await outcome(await runners[route]!(actor, obj));
        } catch (err) {
          actual = `threw ${(err as Error).message}`;
        }
        if (actual !== expected[actor]) mismatches.push(`  ${route} | actor ${actor} | object ${obj} | expected ${expected[actor]} | actual ${actual}`);
      }
    }
    const routeCount = new Set(MATRIX.map(([route]) => baseOf(route))).size;
    const rows = new Set(MATRIX.map(([route]) => route));
    const multi = [...rows].filter((route) => MATRIX.some(([r, o]) => r === route && o !== "-")).length;
    const single = rows.size - multi;
    const agree = cells - mismatches.length;
    console.log(
      `authz matrix on ${kind}: ${routeCount} route-methods (${rows.size} rows incl. variants, ${EXCLUDED.length} excluded): ` +
        `${multi} × ${ACTORS.length} actors × 3 objects = ${multi * ACTORS.length * 3} cells (+ ${single} single-object × ${ACTORS.length} = ${single * ACTORS.length}) = ${cells} cells, ` +
        `${agree} agree (${((agree / cells) * 100).toFixed(agree === cells ? 0 : 1)} %) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    if (mismatches.length) console.log(`authz matrix on ${kind}: ${mismatches.length} mismatching cells:\n${mismatches.join("\n")}`);
    expect(mismatches).toEqual([]);
  });
});
