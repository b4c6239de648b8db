import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { instanceBudgetView, setInstanceDailyCap } from "@/lib/server/budgets/budget-settings";
import { putInstanceBudgetSchema } from "@/lib/shared/budget-schemas";

export const runtime = "nodejs";

// The instance-wide daily spending cap: instance admins only (auth "admin" → 403 for anyone else).
// GET -> {limitFen|null, spentFen, remainingFen|null, day, timeZone}
export const GET = route({ auth: "admin" }, () => instanceBudgetView(db()));

// PUT {limitFen} -> {scope, userId: null, limitFen, previousFen, changed}
export const PUT = route({ auth: "admin", body: putInstanceBudgetSchema }, ({ actor, body, ip }) =>
  setInstanceDailyCap(db(), body.limitFen, { actorId: actor.id, ip }),
);

// DELETE -> same shape with limitFen null (no cap)
export const DELETE = route({ auth: "admin" }, ({ actor, ip }) => setInstanceDailyCap(db(), null, { actorId: actor.id, ip }));
