import { z } from "zod";
import { db } from "@/lib/server/db";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { route } from "@/lib/server/http/route";
import { createShareBody } from "@/lib/server/share/schemas";
import { createExportShareLink, listExportShareLinks } from "@/lib/server/share/share-links";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const params = z.object({ exportId: idSchema });

// GET /api/exports/:exportId/share-links -> {items: ShareLinkView[]} (the export's creator or admins/owners)
export const GET = route({ auth: "user", params }, ({ access, params }) => listExportShareLinks(db(), access, params.exportId));

// POST /api/exports/:exportId/share-links {expiresInHours?: 1..8760|null} -> 201 {link, token, url}
//   (the token is shown this once); 409 share_not_ready unless the export is READY. /s/<token> plays the film.
export const POST = route({ auth: "user", params, body: createShareBody }, async ({ req, access, params, body, ip }) => {
  const created = await createExportShareLink(db(), access, params.exportId, body, publicOrigin(req), { ip });
  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
