import { z } from "zod";
import { db } from "@/lib/server/db";
import { remixSource } from "@/lib/server/gallery/remix";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) });

// GET /api/generations/:id/remix -> {id, mode, prompt, params, inputs: [{uploadId, url, width, height}]}
export const GET = route({ auth: "user", params }, ({ actor, params }) => remixSource(db(), actor, params.id));
