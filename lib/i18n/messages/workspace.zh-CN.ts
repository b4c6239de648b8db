import type { workspaceEn } from "./workspace.en";

// 工作区切换与团队上下文（简体中文），键与 workspace.en.ts 相同。
export const workspaceZhCN: Record<keyof typeof workspaceEn, string> = {
  "workspace.switchFailed": "无法切换工作区，请重试。",
  "workspace.teamNotice": "您正在团队“{team}”中工作：新视频归团队所有，并计入团队预算。",
  "workspace.viewerNotice": "您是“{team}”的观看者：可以观看和下载团队视频，但不能生成。",
  "workspace.galleryTeam": "团队“{team}”的视频。",
  "workspace.move.label": "移入团队",
  "workspace.move.choose": "团队",
  "workspace.move.submit": "移动",
  "workspace.move.done": "视频已移入 {team}。",
  "workspace.move.hint": "该视频将离开您的个人空间，团队所有成员都能看到它。",
};
