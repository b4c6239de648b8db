import type { usageEn } from "./usage.en";

export const usageZhCN: Record<keyof typeof usageEn, string> = {
  "errors.budget_member_monthly": "生成此视频将超出您在该团队的本月预算（已用 {spent}，上限 {limit}）。",
  "errors.budget_team_monthly": "生成此视频将超出团队本月预算（已用 {spent}，上限 {limit}）。",
  "errors.budget_instance_daily": "生成此视频将超出本工作室的每日消费上限（今日已用 {spent}，上限 {limit}）。",
};
