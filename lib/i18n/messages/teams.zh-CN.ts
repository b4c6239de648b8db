import type { teamsEn } from "./teams.en";

export const teamsZhCN: Record<keyof typeof teamsEn, string> = {
  "errors.team_role_forbidden": "您在该团队中的角色不允许此操作。",
  "errors.team_invite_invalid": "该团队邀请无效、已过期、已撤销或已用完。",
  "errors.already_member": "您已经是该团队的成员。",
  "errors.owner_must_transfer": "所有者需先转让所有权才能离开团队。",
  "errors.member_rank": "您只能管理角色低于您的成员。",
  "errors.not_movable": "只能将您自己的个人视频移入团队。",
  "errors.field.team_name": "团队名称须为 1 到 80 个字符。",
  "errors.field.team_role": "请选择管理员、成员或查看者。",
  "errors.field.invite_expiry": "有效期须在 1 小时到 30 天之间。",
  "errors.field.invite_max_uses": "使用次数须在 1 到 100 之间。",
  "errors.field.invite_email_unknown": "没有使用此邮箱的账号。",
  "errors.field.transfer_self": "请选择另一位成员来接收所有权。",
  "teams.nav.label": "团队",
  "teams.nav.members": "成员",
  "teams.nav.usage": "用量",
  "teams.nav.audit": "审计日志",
  "teams.role.OWNER": "所有者",
  "teams.role.ADMIN": "管理员",
  "teams.role.MEMBER": "成员",
  "teams.role.VIEWER": "查看者",
};
