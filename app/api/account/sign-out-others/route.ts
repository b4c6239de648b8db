import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { signOutOthers } from "@/lib/server/users/account-sessions";

// POST /api/account/sign-out-others -> {revoked}: every session of the account ends except this
// device's (which stays signed in). Audited.
export const POST = route({ auth: "user" }, async ({ actor, ip }) => signOutOthers(db(), actor, ip));
