import { z } from "zod";
import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { listUsers } from "@/lib/server/users/manage-users";

// GET /api/admin/users?q= -> {users: [{id, email, name, role, disabledAt, createdAt, lastSeenAt,
// spentThisMonthFen}]} (instance admins only); q filters by email or display name.
export const GET = route({ auth: "admin", query: z.object({ q: z.string().max(200).optional() }) }, async ({ query }) => listUsers(db(), query.q));
