import { db } from "@/lib/server/db";
import { listHeldTakes } from "@/lib/server/generations/held-takes";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

// Takes HELD for an admin decision (docs/reliability.md, "HELD"): instance admins only.
// GET -> {takes: HeldTakeView[]}
export const GET = route({ auth: "admin" }, async () => ({ takes: await listHeldTakes(db()) }));
