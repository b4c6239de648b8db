// Error and status strings of the generation pipeline (API errors, clip states, reasons).
// Merged into en.ts; generation.zh-CN.ts must have the same keys.
export const generationEn = {
  "errors.idempotency_mismatch": "This Idempotency-Key was already used for a different request.",
} as const;
