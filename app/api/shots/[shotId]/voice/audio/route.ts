import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { serveShotVoice } from "@/lib/server/films/shot-voice";
import { route } from "@/lib/server/http/route";
import { storage } from "@/lib/server/storage/instance";

export const runtime = "nodejs";

const params = z.object({ shotId: idSchema });
const query = z.object({ v: idSchema.optional() }).loose();

// GET|HEAD /api/shots/:shotId/voice/audio[?v=<callId>] -> the voice-over WAV (audio/wav, ranges,
// 304/416); 404 when the shot has no finished voice. `v` only changes the URL when the voice changes.
export const GET = route({ auth: "user", params, query }, ({ req, access, params }) => serveShotVoice(db(), storage(), access, req, params.shotId));
export const HEAD = GET;
