import { db, dbProvider } from "@/lib/server/db";
import { env, usingSimulator } from "@/lib/server/env";
import { checkHealth } from "@/lib/server/health/check-health";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { storage } from "@/lib/server/storage/instance";

// GET /api/health: public and fast. 200 when the database and storage answer, 503 otherwise, so
// process managers and load balancers can act on the status. Everyone gets {ok, status: "up"|"down"};
// only instance admins also get the details (providers, drivers, timings, queue, disk path and free
// space), which tell an outsider how the instance is built and how busy it is.
export const dynamic = "force-dynamic";

export const GET = route({ auth: "public" }, async ({ actor }) => {
  const report = await checkHealth({
    db: db(),
    provider: dbProvider(),
    storage: storage(),
    upstreamMode: usingSimulator() ? "simulator" : "bigmodel",
    dataDir: env().DATA_DIR,
  });
  const summary = { ok: report.ok, status: report.ok ? "up" : "down" };
  const body = actor?.role === "ADMIN" ? { ...summary, ...report } : summary;
  return json(body, { status: report.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
});
