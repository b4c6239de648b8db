import "server-only";
import { exportSchema } from "@/lib/shared/gallery-filters";
import { validationFailed } from "../errors";
import { readFormBody, readJsonBody } from "../http/read-body";

const MAX_BODY = 16 * 1024;

/**
 * The export's ids from a JSON body {ids: [...]} or from a urlencoded form (ids=a&ids=b, or one
 * comma-separated field): a form post lets the browser save the stream without buffering it in JS.
 * Both go through the capped reader (read-body.ts): a chunked form post stops being read at the cap.
 */
export async function readExportIds(req: Request): Promise<string[]> {
  const type = req.headers.get("content-type") ?? "";
  let raw: unknown;
  if (type.startsWith("application/x-www-form-urlencoded")) {
    const form = await readFormBody(req, MAX_BODY);
    raw = { ids: form.getAll("ids").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean) };
  } else {
    raw = await readJsonBody(req, MAX_BODY);
  }
  const parsed = exportSchema.safeParse(raw);
  if (!parsed.success) throw validationFailed(parsed.error);
  return parsed.data.ids;
}
