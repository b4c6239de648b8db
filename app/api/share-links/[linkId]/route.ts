import { z } from "zod";
import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { revokeShareLink } from "@/lib/server/share/share-links";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const params = z.object({ linkId: idSchema });

// DELETE /api/share-links/:linkId -> ShareLinkView (revoked; idempotent). 404 unless canShare on its clip.
export const DELETE = route({ auth: "user", params }, async ({ access, params, ip }) => {
  return revokeShareLink(db(), access, params.linkId, { ip });
});
