import "server-only";
import type { TeamRole } from "@/lib/shared/team-roles";
import type { InviteView } from "@/lib/shared/team-views";

export const inviteViewSelect = {
  id: true,
  tokenHash: true,
  email: true,
  role: true,
  maxUses: true,
  uses: true,
  expiresAt: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} as const;

interface InviteRow {
  id: string;
  tokenHash: string | null;
  email: string | null;
  role: TeamRole;
  maxUses: number;
  uses: number;
  expiresAt: Date;
  createdAt: Date;
  createdBy: { id: string; name: string | null };
}

/** Never includes the token hash. */
export function inviteView(r: InviteRow): InviteView {
  return {
    id: r.id,
    kind: r.tokenHash === null ? "email" : "link",
    email: r.email,
    role: r.role,
    maxUses: r.maxUses,
    uses: r.uses,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
  };
}
