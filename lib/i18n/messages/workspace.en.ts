// Workspace switcher and the team context of the studio and gallery. Merged into en.ts; workspace.zh-CN.ts has the same keys.
export const workspaceEn = {
  "workspace.switchFailed": "Could not switch the workspace. Try again.",
  "workspace.teamNotice": "You are working in the team “{team}”: new clips belong to the team and count against its budgets.",
  "workspace.viewerNotice": "You are a viewer in “{team}”: you can watch and download the team's clips, but not generate.",
  "workspace.galleryTeam": "Clips of the team “{team}”.",
  "workspace.move.label": "Move to team",
  "workspace.move.choose": "Team",
  "workspace.move.submit": "Move",
  "workspace.move.done": "Clip moved to {team}.",
  "workspace.move.hint": "The clip leaves your personal space and every member of the team will see it.",
} as const;
