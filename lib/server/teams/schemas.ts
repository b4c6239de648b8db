import "server-only";
import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { LINK_TOKEN_PATTERN } from "@/lib/shared/link-token";
import { userText } from "@/lib/shared/user-text";
import {
  ASSIGNABLE_ROLES,
  INVITE_MAX_USES_MAX,
  INVITE_TTL_DEFAULT_HOURS,
  INVITE_TTL_MAX_HOURS,
  INVITE_TTL_MIN_HOURS,
  TEAM_NAME_MAX,
} from "@/lib/shared/team-limits";

// Request schemas of the team routes. Messages are i18n keys (route() turns them into field errors).

const teamName = userText(z.string().trim().min(1, "errors.field.team_name").max(TEAM_NAME_MAX, "errors.field.team_name"));
export const teamNameBody = z.strictObject({ name: teamName });

const assignableRole = z.enum(ASSIGNABLE_ROLES, "errors.field.team_role");
export const roleBody = z.strictObject({ role: assignableRole });
export const transferBody = z.strictObject({ userId: idSchema });

const expiresInHours = z
  .number("errors.field.invite_expiry")
  .int("errors.field.invite_expiry")
  .min(INVITE_TTL_MIN_HOURS, "errors.field.invite_expiry")
  .max(INVITE_TTL_MAX_HOURS, "errors.field.invite_expiry")
  .default(INVITE_TTL_DEFAULT_HOURS);

export const inviteBody = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("link"),
    role: assignableRole.default("MEMBER"),
    expiresInHours,
    maxUses: z
      .number("errors.field.invite_max_uses")
      .int("errors.field.invite_max_uses")
      .min(1, "errors.field.invite_max_uses")
      .max(INVITE_MAX_USES_MAX, "errors.field.invite_max_uses")
      .default(1),
  }),
  z.strictObject({
    kind: z.literal("email"),
    role: assignableRole.default("MEMBER"),
    expiresInHours,
    email: z.string().trim().toLowerCase().pipe(z.email("errors.field.email")),
  }),
]);
export type InviteBody = z.infer<typeof inviteBody>;

export const teamParams = z.object({ teamId: idSchema });
export const memberParams = z.object({ teamId: idSchema, userId: idSchema });
export const teamInviteParams = z.object({ teamId: idSchema, inviteId: idSchema });
export const inviteParams = z.object({ inviteId: idSchema });
export const tokenParams = z.object({ token: z.string().regex(LINK_TOKEN_PATTERN) });
