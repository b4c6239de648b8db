import "server-only";
import { loadSharp } from "@/lib/server/media/load-sharp";

// Input frames travel inside the create body as base64 data URIs (upstream-request.ts). Stored
// uploads may be up to 10 MB each, so two frames made a ~27 MB body whose upload alone could outlast
// the request deadline, turning a create the upstream may accept into an ambiguous one. The output
// is 1920x1080 at most, so a frame is re-encoded to at most 1920 px on its long side as a high
// quality JPEG (4:4:4, no resampling of smaller frames): two frames fit in a few MB. Shrinking only
// the larger of a start-end pair moves their resolution ratio towards 1, never out of 0.8–1.25.

const MAX_EDGE = 1920;
const QUALITY = 92;

export async function frameForUpstream(bytes: Buffer): Promise<{ mime: "image/jpeg"; data: Buffer }> {
  const sharp = await loadSharp();
  const data = await sharp(bytes, { pages: 1, autoOrient: true })
    .timeout({ seconds: 30 })
    .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: "inside", withoutEnlargement: true })
    .flatten({ background: "#ffffff" })
    .jpeg({ quality: QUALITY, chromaSubsampling: "4:4:4" })
    .toBuffer();
  return { mime: "image/jpeg", data };
}
