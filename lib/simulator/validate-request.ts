import { lenientRequestSchemas } from "@/lib/shared/upstream/request-schemas";
import {
  IMAGE_ASPECT_MAX,
  IMAGE_ASPECT_MIN,
  IMAGE_DATA_URI_RE,
  PROMPT_MAX_CHARS,
  START_END_RATIO_MAX,
  START_END_RATIO_MIN,
  VIDEO_MODELS,
  promptLength,
  type AspectRatio,
  type Style,
  type VideoModel,
} from "@/lib/shared/upstream/video-models";
import type { ImageFetcher } from "./fetch-image";
import { declaredType, probeImage, type ImageInfo } from "./image-probe";
import { checkModel, codeForIssue, isRecord, withoutNulls } from "./request-fields";

// Turns a create body into either a validated task description or the business code the upstream
// documents for that mistake (docs/upstream.md): unknown model 1211, missing field 1213, bad field
// 1214, prompt too long 1261 (switchable: UNVERIFIED), unparseable body 1210. An image URL that cannot
// be fetched is reported (1214 image_url), never replaced by an invented image.

interface ValidatedRequest {
  model: VideoModel;
  requestId?: string;
  prompt?: string;
  style: Style;
  aspectRatio: AspectRatio;
  images: Buffer[];
}

export type ValidationResult =
  | { ok: true; value: ValidatedRequest }
  | { ok: false; code: string; vars?: Record<string, string> };

export interface ValidateOptions {
  fetchImage: ImageFetcher;
  maxImageBytes: number;
  /** The platform's code for a prompt over 512 characters is UNVERIFIED: 1261 (documented meaning) or 1214. */
  promptTooLongCode: "1261" | "1214";
}

const bad = (code: string, vars?: Record<string, string>): ValidationResult => ({ ok: false, code, vars });

async function loadImage(url: string, opts: ValidateOptions): Promise<ImageInfo & { bytes: Buffer } | undefined> {
  let bytes: Buffer;
  let declared: string | undefined;
  const m = IMAGE_DATA_URI_RE.exec(url);
  if (m) {
    declared = m[1];
    const b64 = url.slice(m[0].length);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 === 1) return undefined;
    if ((b64.length * 3) / 4 > opts.maxImageBytes + 3) return undefined;
    bytes = Buffer.from(b64, "base64");
  } else {
    try {
      bytes = await opts.fetchImage(url);
    } catch {
      return undefined;
    }
  }
  if (bytes.length === 0 || bytes.length > opts.maxImageBytes) return undefined;
  const info = probeImage(bytes);
  if (!info) return undefined;
  if (declared !== undefined && declaredType(declared) !== info.type) return undefined;
  const aspect = info.width / info.height;
  if (aspect < IMAGE_ASPECT_MIN || aspect > IMAGE_ASPECT_MAX) return undefined;
  return { ...info, bytes };
}

export async function validateCreateRequest(raw: unknown, opts: ValidateOptions): Promise<ValidationResult> {
  if (!isRecord(raw)) return bad("1210");
  const body = withoutNulls(raw);
  const model = checkModel(body, VIDEO_MODELS);
  if (!model.ok) return model;
  const m = body.model as VideoModel;

  const parsed = lenientRequestSchemas[m].safeParse(body);
  if (!parsed.success) {
    const { code, vars } = codeForIssue(parsed.error, body, {
      textFields: ["prompt"],
      tooLong: (field, value) => (field === "prompt" && promptLength(value) > PROMPT_MAX_CHARS ? opts.promptTooLongCode : undefined),
    });
    return bad(code, vars);
  }
  const req = parsed.data;

  const urls: string[] = "image_url" in req ? (Array.isArray(req.image_url) ? [...req.image_url] : [req.image_url]) : [];
  const images: (ImageInfo & { bytes: Buffer })[] = [];
  for (const url of urls) {
    const img = await loadImage(url, opts);
    if (!img) return bad("1214", { field: "image_url" });
    images.push(img);
  }
  const [first, last] = images;
  if (m === "viduq1-start-end" && first && last) {
    const ratio = (first.width * first.height) / (last.width * last.height);
    if (ratio < START_END_RATIO_MIN || ratio > START_END_RATIO_MAX) return bad("1214", { field: "image_url" });
  }

  return {
    ok: true,
    value: {
      model: m,
      requestId: req.request_id,
      prompt: req.prompt,
      style: "style" in req && req.style ? req.style : "general",
      aspectRatio: "aspect_ratio" in req && req.aspect_ratio ? req.aspect_ratio : "16:9",
      images: images.map((i) => i.bytes),
    },
  };
}
