import { z } from "zod";
import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { accessOf } from "@/lib/server/permissions";
import { revokeShareLink } from "@/lib/server/share/share-links";

export const runtime = "nodejs";

const params = z.object({ linkId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) });

// DELETE /api/share-links/:linkId -> ShareLinkView (revoked; idempotent). 404 unless canShare on its clip.
export const DELETE = route({ auth: "user", params }, async ({ actor, params, ip }) => {
  const access = await accessOf(db(), actor);
  return revokeShareLink(db(), access, params.linkId, { ip });
});
