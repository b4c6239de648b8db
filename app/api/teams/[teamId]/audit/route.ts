import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { teamParams } from "@/lib/server/teams/schemas";
import { assertCan } from "@/lib/server/permissions";
import { auditQuerySchema, listAudit } from "@/lib/server/audit/list-audit";

export const runtime = "nodejs";


// GET /api/teams/:teamId/audit?action=&actorId=&from=&to=&cursor= -> {events, nextCursor} (team.viewAudit).
// Read-only: the audit log has no route that edits or deletes an event.
export const GET = route({ auth: "user", params: teamParams, query: auditQuerySchema }, async ({ access, params, query }) => {
  assertCan(access, params.teamId, "team.viewAudit");
  return listAudit(db(), params.teamId, query);
});
