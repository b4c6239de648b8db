import { z } from "zod";
import { db } from "@/lib/server/db";
import { remixSource } from "@/lib/server/gallery/remix";
import { route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const params = z.object({ id: idSchema });

// GET /api/generations/:id/remix -> {id, mode, prompt, params, inputs: [{uploadId, url, width, height}]}
export const GET = route({ auth: "user", params }, ({ access, params }) => remixSource(db(), access, params.id));
