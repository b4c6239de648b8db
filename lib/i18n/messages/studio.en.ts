// Studio page strings (English). Merged into en.ts; studio.zh-CN.ts must have the same keys.
export const studioEn = {
  "studio.error.promptRequired": "Describe the clip: a prompt is required for text → video.",
  "studio.error.promptTooLong": "The prompt is longer than 512 characters.",
  "studio.error.imageRequired": "Choose an image for the first frame.",
  "studio.error.twoImagesRequired": "Choose both a start frame and an end frame.",
  "studio.error.modeInvalid": "Choose a mode: text → video, image → video or start–end frames.",
} as const;
