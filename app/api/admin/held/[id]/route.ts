import { z } from "zod";
import { db } from "@/lib/server/db";
import { resolveHeldTake } from "@/lib/server/generations/held-takes";
import { route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/shared/ids";
import { taskIdSchema } from "@/lib/shared/upstream/response-schemas";

export const runtime = "nodejs";

const params = z.object({ id: idSchema });
const body = z.discriminatedUnion("action", [
  z.object({ action: z.literal("fail") }).strict(),
  z.object({ action: z.literal("resume"), taskId: taskIdSchema }).strict(),
]);

// POST /api/admin/held/:id {action:"fail"} | {action:"resume", taskId} -> 200 {ok:true} | 404 | 409 conflict
// (not HELD any more, or its job is busy). The worker carries the decision out: refund, or charge and poll.
export const POST = route({ auth: "admin", params, body }, async ({ actor, ip, params, body }) => {
  await resolveHeldTake(db(), { id: actor.id, ip }, params.id, body);
  return { ok: true };
});
