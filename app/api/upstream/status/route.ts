import { db } from "@/lib/server/db";
import { usingSimulator } from "@/lib/server/env";
import { readBreakerView } from "@/lib/server/jobs/breaker";
import { route } from "@/lib/server/http/route";
import type { UpstreamStatusView } from "@/lib/shared/upstream-status-view";

export const runtime = "nodejs";

// GET /api/upstream/status -> {mode: "simulator"|"bigmodel", breaker: {open, code, since}} (admin banner)
export const GET = route({ auth: "user" }, async (): Promise<UpstreamStatusView> => ({
  mode: usingSimulator() ? "simulator" : "bigmodel",
  breaker: await readBreakerView(db()),
}));
