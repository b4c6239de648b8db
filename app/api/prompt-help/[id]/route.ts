import { z } from "zod";
import { db } from "@/lib/server/db";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { findPromptHelp } from "@/lib/server/prompt-help/prompt-help";

export const runtime = "nodejs";

// GET /api/prompt-help/{id} -> the same answers as the POST (only its author sees a call; 404 otherwise).
export const GET = route({ auth: "user", params: z.object({ id: z.string().min(1).max(64) }) }, async ({ access, params }) => {
  const view = await findPromptHelp(db(), access, params.id);
  return json(view, { status: view.status === "done" ? 200 : 202 });
});
