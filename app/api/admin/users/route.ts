import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { listUsers } from "@/lib/server/users/manage-users";

// GET /api/admin/users -> {users: [{id, email, name, role, disabledAt, createdAt}]} (instance admins only).
export const GET = route({ auth: "admin" }, async () => listUsers(db()));
