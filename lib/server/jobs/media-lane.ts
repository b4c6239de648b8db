import "server-only";
import type { LaneSpec } from "./job-kind";

// The lane of local media work (posters and previews, last frames, and later exports): each job is one ffmpeg process on
// this machine, so the cap protects the CPU the web server and the re-host share with it.
export const MEDIA_LANE: LaneSpec = { name: "media", upstream: false, cap: (deps) => Promise.resolve(deps.mediaCap) };

// Last frames get a lane of their own (same cap): a chained take waits for its source's last frame, so
// that frame is on the film's critical path and must not queue behind posters and previews, which no
// take waits for (bench F2). One short ffmpeg each (`-sseof -1`), so the extra CPU is small.
export const FRAME_LANE: LaneSpec = { name: "frames", upstream: false, cap: (deps) => Promise.resolve(deps.mediaCap) };
