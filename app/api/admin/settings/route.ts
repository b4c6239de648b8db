import { z } from "zod";
import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { getRegistrationMode, registrationModeSchema, setRegistrationMode } from "@/lib/server/settings/registration";

// Instance settings: instance admins only (checked here, not only in the page).
export const GET = route({ auth: "admin" }, async () => ({ registration: await getRegistrationMode(db()) }));

export const PUT = route(
  { auth: "admin", body: z.object({ registration: registrationModeSchema }) },
  async ({ body }) => {
    await setRegistrationMode(db(), body.registration);
    return { registration: body.registration };
  },
);
