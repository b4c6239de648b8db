"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { TeamRole } from "@/lib/shared/team-roles";
import { SELECT } from "./styles";

/** Hours an invitation can live, as offered in the forms (the server accepts 1 h … 30 days). */
const EXPIRY_CHOICES = [1, 24, 168, 720] as const;

/** The role and expiry choices both invitation forms share (link and email). */
export function InviteRoleExpiry({
  idPrefix,
  roles,
  role,
  onRole,
  expiry,
  onExpiry,
}: {
  idPrefix: string;
  roles: TeamRole[];
  role: TeamRole;
  onRole: (role: TeamRole) => void;
  expiry: number;
  onExpiry: (hours: number) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={`${idPrefix}-role`} className="text-sm font-medium">
          {t("teams.invite.role")}
        </label>
        <select id={`${idPrefix}-role`} className={SELECT} value={role} onChange={(e) => onRole(e.target.value as TeamRole)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`teams.role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={`${idPrefix}-expiry`} className="text-sm font-medium">
          {t("teams.invite.expiry")}
        </label>
        <select id={`${idPrefix}-expiry`} className={SELECT} value={expiry} onChange={(e) => onExpiry(Number(e.target.value))}>
          {EXPIRY_CHOICES.map((h) => (
            <option key={h} value={h}>
              {t(`teams.invite.expiry.${h}`)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
