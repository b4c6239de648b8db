// Error and status strings of the generation pipeline (API errors, clip states, reasons).
// Merged into en.ts; generation.zh-CN.ts must have the same keys.
export const generationEn = {
  "errors.upload_missing": "Attach an image in the form field \"file\".",
  "errors.upload_unsupported_type": "Only PNG, JPEG and WebP images are accepted.",
  "errors.upload_too_large": "The image is larger than 10 MB.",
  "errors.upload_corrupt": "The image could not be read. It may be damaged or incomplete.",
  "errors.image_aspect": "The image's aspect ratio must be between 1:4 and 4:1.",
  "errors.image_too_many_pixels": "The image has too many pixels (at most 40 megapixels).",
  "errors.upload_not_found": "An image of this request was not found. Upload it again.",
  "errors.start_end_ratio": "The start and end frames must have similar resolutions (area ratio 0.8 to 1.25).",
  "errors.idempotency_key_required": "The Idempotency-Key header is required (8 to 128 letters, digits, \"-\" or \"_\").",
  "errors.idempotency_mismatch": "This Idempotency-Key was already used for a different request.",
  "errors.budget_exceeded": "This clip would exceed your budget.",
  "errors.not_cancellable": "Only a clip that is still queued can be cancelled.",
  "errors.not_retryable": "Only a failed, expired, rejected or orphaned clip can be retried.",
  "errors.busy": "The server is busy. Please try again in a moment.",

  "generation.status.QUEUED": "Queued",
  "generation.status.SUBMITTING": "Submitting",
  "generation.status.PROCESSING": "Generating",
  "generation.status.DOWNLOADING": "Saving",
  "generation.status.STORED": "Ready",
  "generation.status.REJECTED": "Rejected",
  "generation.status.FAILED": "Failed",
  "generation.status.EXPIRED": "Expired",
  "generation.status.ORPHANED": "Lost",
  "generation.status.CANCELLED": "Cancelled",

  "generation.reason.unsafe_content":
    "The prompt or image may contain unsafe or sensitive content. Please rephrase and try again.",
  "generation.reason.invalid_params": "The video service refused the parameters of this clip.",
  "generation.reason.prompt_too_long": "The video service found the prompt too long.",
  "generation.reason.timeout": "The clip took too long to generate and was stopped.",
  "generation.reason.expired": "The finished video could no longer be downloaded from the video service.",
  "generation.reason.orphaned":
    "The video service accepted this clip but its result was lost. You have not been charged.",
  "generation.reason.cancelled": "You cancelled this clip before it started.",
  "generation.reason.upstream_failed": "The video service could not generate this clip.",
  "generation.reason.upstream_malformed": "The video service sent an answer we could not understand.",
  "generation.reason.media_invalid": "The generated video was damaged and could not be saved.",
  "generation.reason.unknown": "Something went wrong with this clip.",
} as const;
