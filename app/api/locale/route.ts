import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";
import { db } from "@/lib/server/db";
import { appCookie } from "@/lib/server/http/app-cookie";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";

// POST /api/locale {locale} -> remembers the UI language (cookie; and on the account when signed in).
export const POST = route({ auth: "public", body: z.object({ locale: z.enum(LOCALES) }) }, async ({ body, actor }) => {
  if (actor) await db().user.update({ where: { id: actor.id }, data: { locale: body.locale } });
  const res = json({ locale: body.locale });
  res.headers.append("Set-Cookie", appCookie(LOCALE_COOKIE, body.locale));
  return res;
});
