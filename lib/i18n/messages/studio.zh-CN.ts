import type { studioEn } from "./studio.en";

// 工作室页面文案（简体中文），键与 studio.en.ts 一致。
export const studioZhCN: Record<keyof typeof studioEn, string> = {
  "studio.error.promptRequired": "请描述视频内容：文生视频必须填写提示词。",
  "studio.error.promptTooLong": "提示词超过 512 个字符。",
  "studio.error.imageRequired": "请选择首帧图片。",
  "studio.error.twoImagesRequired": "请同时选择首帧和尾帧图片。",
  "studio.error.modeInvalid": "请选择模式：文生视频、图生视频或首尾帧。",
};
