import "server-only";
import { redirect } from "next/navigation";
import type { ShellView } from "@/lib/shared/workspace-view";
import { getActor } from "../auth/session";
import { db } from "../db";
import { usingSimulator } from "../env";
import { accessOf, can } from "../permissions";
import { currentWorkspace, summarize, teamChoices } from "../workspace/current-workspace";

/**
 * What the signed-in frame of every app page shows: who is signed in, the workspace with the teams
 * to switch to, and whether the simulator is on. Signed-out visitors go to sign-in.
 */
export async function loadShellData(): Promise<ShellView> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  const access = await accessOf(db(), actor);
  const teams = await teamChoices(db(), access);
  return {
    email: actor.email,
    name: actor.name,
    isInstanceAdmin: actor.role === "ADMIN",
    simulator: usingSimulator(),
    workspace: {
      ...summarize(await currentWorkspace(db(), access), access, teams),
      teams: teams.map((team) => ({ id: team.id, name: team.name, canGenerate: can(access, team.id, "clip.generate") })),
    },
  };
}
