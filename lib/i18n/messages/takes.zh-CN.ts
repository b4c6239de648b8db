import type { takesEn } from "./takes.en";

// 镜次组、并排对比与图库中的同组镜次（简体中文），键与 takes.en.ts 相同。
export const takesZhCN: Record<keyof typeof takesEn, string> = {
  "takes.compare.title": "{a} 与 {b} 并排对比",
  "takes.compare.play": "同时播放",
  "takes.compare.pause": "同时暂停",
  "takes.compare.seek": "两个镜次的播放位置",
  "takes.group.label": "同一次提交的 {count} 个镜次",
  "takes.group.take": "镜次 {n}",
  "takes.group.compare": "对比镜次",
  "takes.group.compareNeeds": "至少需要两个已完成的镜次才能对比。",
  "takes.group.dialogTitle": "对比镜次",
  "takes.group.dialogBody": "播放、暂停和拖动进度条会同时作用于两个镜次。",
  "takes.group.left": "左侧",
  "takes.group.right": "右侧",
  "takes.group.close": "关闭",
  "takes.siblings.title": "同一次提交的镜次",
  "takes.siblings.current": "镜次 {n}（当前）",
  "takes.siblings.loadError": "无法加载其他镜次。",
};
