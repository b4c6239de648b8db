import type { generationEn } from "./generation.en";

// 生成流程的错误与状态文案（简体中文），键与 generation.en.ts 一致。
export const generationZhCN: Record<keyof typeof generationEn, string> = {
  "errors.idempotency_mismatch": "该 Idempotency-Key 已用于另一个不同的请求。",
};
