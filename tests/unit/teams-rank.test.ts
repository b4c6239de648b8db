// The rank rules for managing members, over every (actor, target, new role) combination.
import { describe, expect, it } from "vitest";
import { assertMayAssign, assertMayInviteAs, assertOutranks } from "@/lib/server/permissions/member-rank";
import { TEAM_ROLES, type TeamRole } from "@/lib/shared/team-roles";

const ok = (f: () => void) => {
  try {
    f();
    return true;
  } catch (err) {
    expect((err as { code?: string }).code).toBe("member_rank");
    return false;
  }
};

describe("team member rank rules", () => {
  it("a manager only touches strictly lower ranks, never themselves", () => {
    const allowed: string[] = [];
    for (const a of TEAM_ROLES) for (const t of TEAM_ROLES) if (ok(() => assertOutranks(a, t, false))) allowed.push(`${a}>${t}`);
    expect(allowed.sort()).toEqual(
      ["OWNER>ADMIN", "OWNER>MEMBER", "OWNER>VIEWER", "ADMIN>MEMBER", "ADMIN>VIEWER", "MEMBER>VIEWER"].sort(),
    );
    for (const a of TEAM_ROLES) expect(ok(() => assertOutranks(a, "VIEWER", true))).toBe(false);
  });

  it("role changes: OWNER never; the owner gives any other role; others only roles below their own", () => {
    const table: Record<TeamRole, TeamRole[]> = { OWNER: [], ADMIN: [], MEMBER: [], VIEWER: [] };
    for (const a of TEAM_ROLES) for (const n of TEAM_ROLES) if (ok(() => assertMayAssign(a, n))) table[a].push(n);
    expect(table).toEqual({ OWNER: ["ADMIN", "MEMBER", "VIEWER"], ADMIN: ["MEMBER", "VIEWER"], MEMBER: ["VIEWER"], VIEWER: [] });
  });

  it("invitations: the same roles as a role change (never OWNER; admins below their own rank)", () => {
    const table: Record<TeamRole, TeamRole[]> = { OWNER: [], ADMIN: [], MEMBER: [], VIEWER: [] };
    for (const a of TEAM_ROLES) for (const n of TEAM_ROLES) if (ok(() => assertMayInviteAs(a, n))) table[a].push(n);
    expect(table).toEqual({ OWNER: ["ADMIN", "MEMBER", "VIEWER"], ADMIN: ["MEMBER", "VIEWER"], MEMBER: ["VIEWER"], VIEWER: [] });
  });
});
