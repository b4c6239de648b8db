import { db } from "@/lib/server/db";
import { listTagNames } from "@/lib/server/gallery/tags";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

// GET /api/generations/tags -> {tags: string[]} the actor's tags in use (filter suggestions)
export const GET = route({ auth: "user" }, async ({ access }) => ({ tags: await listTagNames(db(), access) }));
