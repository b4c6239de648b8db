import { z } from "zod";
import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { teamParams } from "@/lib/server/teams/schemas";
import { assertCan } from "@/lib/server/permissions";
import { usageCsv, usageCsvDisposition } from "@/lib/server/budgets/usage-csv";
import { monthSchema, usageReport } from "@/lib/server/budgets/usage-report";

export const runtime = "nodejs";

const query = z.object({ month: z.preprocess((v) => (v === "" ? undefined : v), monthSchema.optional()) });

// GET /api/teams/:teamId/usage/export?month=YYYY-MM -> text/csv attachment (team.viewUsage). Shape: usage-csv.ts.
export const GET = route({ auth: "user", params: teamParams, query }, async ({ access, params, query }) => {
  assertCan(access, params.teamId, "team.viewUsage");
  const report = await usageReport(db(), params.teamId, query.month);
  return new Response(usageCsv(report), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": usageCsvDisposition(report.teamName, report.teamId, report.month),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
