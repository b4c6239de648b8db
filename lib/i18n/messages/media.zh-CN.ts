import type { mediaEn } from "./media.en";

// 静帧（CogView-4）与配音（GLM-TTS）：发送前即被拒绝的请求的字段错误，以及平台的拒绝与故障。与 media.en.ts 键相同。
export const mediaZhCN: Record<keyof typeof mediaEn, string> = {
  "errors.field.image_prompt_too_long": "描述最多 1000 个字符。",
  "errors.field.image_size": "尺寸的每条边须在 512 到 2048 像素之间、能被 16 整除，总像素不超过 2097152。",
  "errors.field.speech_input_too_long": "一次最多朗读 1024 个字符。",
  "errors.field.speech_speed": "语速须在 0.5 到 2 之间。",
  "errors.field.speech_volume": "音量须大于 0 且不超过 10。",
  "errors.upstream_unsafe": "平台判定此文本不安全或敏感（代码 {code}）。请修改后重试。",
  "errors.upstream_rejected": "平台拒绝了此请求（代码 {code}）。",
  "errors.upstream_busy": "平台繁忙或未完整应答（代码 {code}）。请稍后重试。",
  "errors.upstream_unavailable": "平台账户当前无法使用（代码 {code}）。请联系管理员。",
};
