import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http/respond";
import { localeOfRequest } from "@/lib/server/locale";

// Any /api path no route file claims: the coded JSON 404 (docs/api.md, "Errors") instead of the HTML
// not-found page. More specific routes always win over this catch-all. Nothing is read: no session,
// no body, no database.
const notFound = async (req: Request): Promise<Response> => errorResponse(new AppError("not_found"), localeOfRequest(req));

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
