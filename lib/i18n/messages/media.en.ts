// Stills (CogView-4) and voice-over (GLM-TTS): field errors for requests refused before they are sent,
// and the platform's refusals and failures as the studio shows them.
// Merged into en.ts; media.zh-CN.ts has the same keys.
export const mediaEn = {
  "errors.field.image_prompt_too_long": "The description may be at most 1,000 characters.",
  "errors.field.image_size": "Use a size of 512 to 2048 px per side, divisible by 16, at most 2,097,152 pixels.",
  "errors.field.speech_input_too_long": "At most 1,024 characters can be spoken at once.",
  "errors.field.speech_speed": "The speed must be between 0.5 and 2.",
  "errors.field.speech_volume": "The volume must be above 0 and at most 10.",
  "errors.upstream_unsafe": "The platform judged this text unsafe or sensitive (code {code}). Rephrase it and try again.",
  "errors.upstream_rejected": "The platform refused this request (code {code}).",
  "errors.upstream_busy": "The platform is busy or did not answer in full (code {code}). Try again in a moment.",
  "errors.upstream_unavailable": "The platform account cannot be used right now (code {code}). Ask an administrator.",
} as const;
