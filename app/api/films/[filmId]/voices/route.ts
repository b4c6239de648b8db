import { z } from "zod";
import { voiceCastSchema } from "@/lib/shared/film/voice";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { getVoiceCast, setVoiceCast } from "@/lib/server/films/shot-voice";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ filmId: idSchema });

// GET /api/films/:filmId/voices -> {cast: {speaker: voice}}: who speaks with which GLM-TTS voice.
export const GET = route({ auth: "user", params }, async ({ access, params }) => ({ cast: await getVoiceCast(db(), access, params.filmId) }));

// PUT /api/films/:filmId/voices {cast: {speaker: voice}} -> {cast}; the whole cast is replaced. Lines
// already spoken keep their audio; the next Speak of a speaker uses the new voice.
export const PUT = route({ auth: "user", params, body: voiceCastSchema }, async ({ access, params, body }) => ({ cast: await setVoiceCast(db(), access, params.filmId, body.cast) }));
