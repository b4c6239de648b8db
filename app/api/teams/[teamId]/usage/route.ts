import { z } from "zod";
import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { teamParams } from "@/lib/server/teams/schemas";
import { assertCan } from "@/lib/server/permissions";
import { monthSchema, usageReport } from "@/lib/server/budgets/usage-report";

export const runtime = "nodejs";

const query = z.object({ month: z.preprocess((v) => (v === "" ? undefined : v), monthSchema.optional()) });

// GET /api/teams/:teamId/usage?month=YYYY-MM -> UsageReport (team.viewUsage: owners and admins)
export const GET = route({ auth: "user", params: teamParams, query }, async ({ access, params, query }) => {
  assertCan(access, params.teamId, "team.viewUsage");
  return usageReport(db(), params.teamId, query.month);
});
