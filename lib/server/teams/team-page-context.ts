import "server-only";
import { notFound, redirect } from "next/navigation";
import { type Actor, getActor } from "../auth/session";
import { db } from "../db";
import { type Access, accessOf, roleIn, type TeamRole } from "../permissions";

export interface TeamPageContext {
  actor: Actor;
  access: Access;
  role: TeamRole;
  team: { name: string };
}

/**
 * What every /teams/<id>/… page starts with: the signed-in actor (else to sign-in and back), their
 * roles from the database, and the team — a team they are not in (or a deleted one) is 404, exactly
 * like a missing one.
 */
export async function teamPageContext(teamId: string, path: string): Promise<TeamPageContext> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  const access = await accessOf(db(), actor);
  const role = roleIn(access, teamId);
  if (!role) notFound();
  const team = await db().team.findUnique({ where: { id: teamId, deletedAt: null }, select: { name: true } });
  if (!team) notFound();
  return { actor, access, role, team };
}
