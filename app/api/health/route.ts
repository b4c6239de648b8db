import { db } from "@/lib/server/db";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";

// GET /api/health -> {ok, database}. Liveness for process managers and the e2e web server.
export const GET = route({ auth: "public" }, async () => {
  const started = performance.now();
  await db().$queryRaw`SELECT 1`;
  return json({ ok: true, database: { ok: true, ms: Math.round(performance.now() - started) } });
});
