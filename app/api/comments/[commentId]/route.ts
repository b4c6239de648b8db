import { z } from "zod";
import { updateCommentSchema } from "@/lib/shared/film/film-schemas";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { deleteComment, updateComment } from "@/lib/server/films/comments";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ commentId: idSchema });

// PATCH /api/comments/:commentId {body} -> {comment} (its author)
export const PATCH = route({ auth: "user", params, body: updateCommentSchema }, async ({ access, params, body, ip }) => ({ comment: await updateComment(db(), access, params.commentId, body.body, ip) }));

// DELETE /api/comments/:commentId -> {ok: true} (its author, or an admin/owner of the film's team)
export const DELETE = route({ auth: "user", params }, async ({ access, params, ip }) => {
  await deleteComment(db(), access, params.commentId, ip);
  return { ok: true };
});
