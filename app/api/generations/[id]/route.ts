import { z } from "zod";
import { db } from "@/lib/server/db";
import { generationViewFor } from "@/lib/server/generations/find-generation";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) });

// GET /api/generations/:id -> GenerationView (404 if not visible)
export const GET = route({ auth: "user", params }, ({ actor, params }) => generationViewFor(db(), actor, params.id));
