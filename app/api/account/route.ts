import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { profileSchema } from "@/lib/shared/account-schemas";
import { db } from "@/lib/server/db";
import { appCookie } from "@/lib/server/http/app-cookie";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { getAccount, updateProfile } from "@/lib/server/users/account";

// GET /api/account -> the signed-in person's account {id, email, name, locale, role, hasPassword}.
export const GET = route({ auth: "user" }, async ({ actor }) => getAccount(db(), actor));

// PATCH /api/account {name?, locale?} -> the account. A language choice is also this browser's
// language cookie, so it applies from the next page on (the cookie is what pages read).
export const PATCH = route({ auth: "user", body: profileSchema, maxBodyBytes: 4 * 1024 }, async ({ actor, body }) => {
  const account = await updateProfile(db(), actor, body);
  const res = json(account);
  if (body.locale) res.headers.append("Set-Cookie", appCookie(LOCALE_COOKIE, body.locale));
  return res;
});
