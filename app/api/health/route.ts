import { db, dbProvider } from "@/lib/server/db";
import { env, usingSimulator } from "@/lib/server/env";
import { checkHealth } from "@/lib/server/health/check-health";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { storage } from "@/lib/server/storage/instance";

// GET /api/health: public, minimal (no user data, no secrets), fast. 200 when the database and
// storage answer, 503 otherwise, so process managers and load balancers can act on the status.
export const dynamic = "force-dynamic";

export const GET = route({ auth: "public" }, async () => {
  const report = await checkHealth({
    db: db(),
    provider: dbProvider(),
    storage: storage(),
    upstreamMode: usingSimulator() ? "simulator" : "bigmodel",
    dataDir: env().DATA_DIR,
  });
  return json(report, { status: report.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
});
