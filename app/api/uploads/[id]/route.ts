import { z } from "zod";
import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { storage } from "@/lib/server/storage/instance";
import { serveUpload } from "@/lib/server/uploads/serve-upload";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const params = z.object({ id: idSchema });

// GET|HEAD /api/uploads/:id -> the stored image (owner only; 404 otherwise), Cache-Control: private
export const GET = route({ auth: "user", params }, ({ req, access, params }) => serveUpload(db(), storage(), access, req, params.id));
export const HEAD = GET;
