import "server-only";
import { effectiveCap } from "@/lib/server/jobs/lane-cap";
import type { LaneSpec } from "@/lib/server/jobs/job-kind";
import { VIDEO_MODELS } from "@/lib/shared/upstream/video-models";

// One lane per Vidu model: the account's concurrency cap is per model, and a busy text model must
// not hold back image clips. Its slots are the takes SUBMITTING or PROCESSING (the steps that hold
// the lane), adapted down after the upstream refuses for concurrency.

export function videoLane(model: string): string {
  return `vidu:${model}`;
}

export const VIDEO_LANES: readonly LaneSpec[] = VIDEO_MODELS.map((model) => ({
  name: videoLane(model),
  upstream: true,
  cap: (deps) => effectiveCap(deps.db, videoLane(model), deps.modelCap, deps.timeScale),
}));
