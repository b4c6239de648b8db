import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { listSessions } from "@/lib/server/users/account-sessions";

// GET /api/account/sessions -> {sessions: [{id, current, browser, os, createdAt, lastSeenAt}]}: the
// signed-in person's active sessions (one per signed-in browser), most recently seen first.
export const GET = route({ auth: "user" }, async ({ actor }) => listSessions(db(), actor));
