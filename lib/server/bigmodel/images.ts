import "server-only";
import { validationFailed } from "@/lib/server/errors";
import { DEFAULT_IMAGE_MODEL } from "@/lib/shared/upstream/image-models";
import { imageRequestSchema, type ImageRequest } from "@/lib/shared/upstream/media-request-schemas";
import { imageResponseSchema } from "@/lib/shared/upstream/response-schemas";
import { createExchange, type BigModelClientOptions } from "./upstream-exchange";

// Client for POST /images/generations (CogView, synchronous; docs/upstream.md "Images (CogView-4)").
// A request that breaks a documented limit is refused before anything is sent, as a validation
// error with bilingual field messages; everything the platform says becomes an UpstreamError. It
// never retries: a generation that may have reached the platform may have been billed.

export interface ImagesClientOptions extends BigModelClientOptions {
  /** Model code; default cogview-4-250304 (BIGMODEL_IMAGE_MODEL). */
  model?: string;
}

type StillRequest = Omit<ImageRequest, "model">;

interface GeneratedStill {
  /** Temporary link to the image: re-host it before it expires. */
  url: string;
  /** Unix seconds, as the platform reports it. */
  created: number;
}

export interface ImagesClient {
  readonly model: string;
  generateStill(request: StillRequest): Promise<GeneratedStill>;
}

export function createImagesClient(options: ImagesClientOptions): ImagesClient {
  const ex = createExchange(options);
  const model = options.model ?? DEFAULT_IMAGE_MODEL;
  return {
    model,
    async generateStill(request) {
      const checked = imageRequestSchema.safeParse({ ...request, model });
      if (!checked.success) throw validationFailed(checked.error);
      const reply = ex.json("image", await ex.send("image", "POST", "/images/generations", checked.data), imageResponseSchema);
      const [first] = reply.data;
      if (!first) throw ex.fail("image", "malformed", 200, "schema-mismatch", "image: answer without an image");
      return { url: first.url, created: reply.created };
    },
  };
}
