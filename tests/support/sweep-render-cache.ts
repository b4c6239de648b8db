// vitest's global setup (once per run, before any file): the integration tests' simulator render cache,
// kept across runs, loses the clips no run has asked for in a week (scripts/lib/test-render-caches.mjs).
import { sweepRenderCache } from "@/lib/simulator/render/cache-sweep";
import { INTEGRATION_RENDER_CACHE, UNUSED_RENDER_MAX_AGE_MS } from "@/scripts/lib/test-render-caches.mjs";

export default async function setup(): Promise<void> {
  await sweepRenderCache(INTEGRATION_RENDER_CACHE, { clipMaxAgeMs: UNUSED_RENDER_MAX_AGE_MS });
}
