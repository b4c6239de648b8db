import { z } from "zod";
import { speakShotSchema } from "@/lib/shared/film/voice";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { deleteShotVoice, getShotVoice, speakShot } from "@/lib/server/films/shot-voice";
import { idempotencyKeyOf } from "@/lib/server/generations/idempotency-key";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { storage } from "@/lib/server/storage/instance";

export const runtime = "nodejs";

const params = z.object({ shotId: idSchema });

// POST /api/shots/:shotId/voice (Idempotency-Key) {voice?, speaker?, speed?} -> 202 {voice: VoiceView}:
// the shot's caption queued as one GLM-TTS call, held against the budgets (402 budget_* leaves nothing);
// 409 voice_no_line without a caption; 403 team_role_forbidden for viewers; 422 validation_failed.
export const POST = route({ auth: "user", params, body: speakShotSchema }, async ({ req, access, params, body }) =>
  json({ voice: await speakShot(db(), storage(), access, params.shotId, idempotencyKeyOf(req), body) }, { status: 202 }),
);

// GET /api/shots/:shotId/voice -> {voice: VoiceView | null}; the UI polls it while the line is pending.
export const GET = route({ auth: "user", params }, async ({ access, params }) => ({ voice: await getShotVoice(db(), access, params.shotId) }));

// DELETE /api/shots/:shotId/voice -> {voice: null}; 409 voice_pending while the line is being spoken.
export const DELETE = route({ auth: "user", params }, async ({ access, params }) => {
  await deleteShotVoice(db(), storage(), access, params.shotId);
  return { voice: null };
});
