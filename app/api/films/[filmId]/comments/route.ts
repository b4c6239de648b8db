import { z } from "zod";
import { createCommentSchema } from "@/lib/shared/film/film-schemas";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { createComment, listComments } from "@/lib/server/films/comments";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ filmId: idSchema });

// GET /api/films/:filmId/comments -> {items: CommentView[]}
export const GET = route({ auth: "user", params }, ({ access, params }) => listComments(db(), access, params.filmId));

// POST /api/films/:filmId/comments {takeId | exportId, timeMs, body} -> 201 {comment} (viewers too)
export const POST = route({ auth: "user", params, body: createCommentSchema }, async ({ access, params, body, ip }) =>
  json({ comment: await createComment(db(), access, params.filmId, body, ip) }, { status: 201 }),
);
