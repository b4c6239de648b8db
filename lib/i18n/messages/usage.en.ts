// Budgets, usage and cost. Merged into en.ts; usage.zh-CN.ts has the same keys.
export const usageEn = {
  "errors.budget_member_monthly": "This clip would exceed your monthly budget in this team ({spent} of {limit} used).",
  "errors.budget_team_monthly": "This clip would exceed the team's monthly budget ({spent} of {limit} used).",
  "errors.budget_instance_daily": "This clip would exceed the studio's daily spending cap ({spent} of {limit} used today).",
} as const;
