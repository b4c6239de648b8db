import "server-only";
import { stillRequestSchema } from "@/lib/shared/film/still-views";
import type { CallSender } from "./call-sender";
import { stillFen } from "./price";

// Sends a STILL call: one CogView image at the stored prompt and size. The answer keeps the image's temporary link: the call job's store step
// re-hosts it before it expires. Billed per image, so the cost is the price held.

export const sendStill: CallSender = async (upstream, call) => {
  const request = stillRequestSchema.parse(call.request);
  const still = await upstream.images.generateStill(request);
  return { answer: { url: still.url, created: still.created }, usage: { images: 1 }, costFen: stillFen() };
};
