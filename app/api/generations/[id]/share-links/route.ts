import { z } from "zod";
import { db } from "@/lib/server/db";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { route } from "@/lib/server/http/route";
import { createShareBody } from "@/lib/server/share/schemas";
import { createShareLink, listShareLinks } from "@/lib/server/share/share-links";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const params = z.object({ id: idSchema });

// GET /api/generations/:id/share-links -> {items: ShareLinkView[]} (canShare, else 404)
export const GET = route({ auth: "user", params }, async ({ access, params }) => {
  return listShareLinks(db(), access, params.id);
});

// POST /api/generations/:id/share-links {expiresInHours?: 1..8760|null, allowDownload?, showPrompt?}
//   -> 201 {link, token, url} (the token is shown this once); 404 unless canShare; 409 share_not_ready
export const POST = route({ auth: "user", params, body: createShareBody }, async ({ req, access, params, body, ip }) => {
  const created = await createShareLink(db(), access, params.id, body, publicOrigin(req), { ip });
  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
