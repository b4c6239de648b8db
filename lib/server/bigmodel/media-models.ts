import "server-only";
import { env } from "@/lib/server/env";

// The model codes the studio asks for stills and voice-over: configurable because the platform
// versions its models (cogview-4-250304 today) and an account may prefer another.

export function configuredMediaModels(): { image: string; speech: string } {
  const e = env();
  return { image: e.BIGMODEL_IMAGE_MODEL, speech: e.BIGMODEL_SPEECH_MODEL };
}
