import "server-only";
import type { LaneSpec } from "./job-kind";

// The lane of local media work (posters and previews, last frames, and later exports): each job is one ffmpeg process on
// this machine, so the cap protects the CPU the web server and the re-host share with it.
export const MEDIA_LANE: LaneSpec = { name: "media", upstream: false, cap: (deps) => Promise.resolve(deps.mediaCap) };
