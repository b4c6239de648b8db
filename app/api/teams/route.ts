import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { json } from "@/lib/server/http/respond";
import { createTeam } from "@/lib/server/teams/create-team";
import { listMyTeams } from "@/lib/server/teams/list-teams";
import { teamNameBody } from "@/lib/server/teams/schemas";

export const runtime = "nodejs";

// GET /api/teams -> {teams: TeamSummary[]} (the actor's live teams, with their role and member count)
export const GET = route({ auth: "user" }, async ({ access }) => {
  return { teams: await listMyTeams(db(), access) };
});

// POST /api/teams {name} -> 201 TeamSummary (any signed-in user; the creator becomes OWNER)
export const POST = route({ auth: "user", body: teamNameBody }, async ({ access, body, ip }) =>
  json(await createTeam(db(), access, body.name, { ip }), { status: 201 }),
);
