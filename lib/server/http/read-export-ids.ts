import "server-only";
import { exportSchema } from "@/lib/shared/gallery-filters";
import { AppError, validationFailed } from "../errors";
import { readJsonBody } from "../http/read-body";

const MAX_BODY = 16 * 1024;

/**
 * The export's ids from a JSON body {ids: [...]} or from a urlencoded form (ids=a&ids=b, or one
 * comma-separated field): a form post lets the browser save the stream without buffering it in JS.
 */
export async function readExportIds(req: Request): Promise<string[]> {
  const type = req.headers.get("content-type") ?? "";
  let raw: unknown;
  if (type.startsWith("application/x-www-form-urlencoded")) {
    if (Number(req.headers.get("content-length") ?? "0") > MAX_BODY) throw new AppError("payload_too_large");
    const text = await req.text();
    if (text.length > MAX_BODY) throw new AppError("payload_too_large");
    const form = new URLSearchParams(text);
    raw = { ids: form.getAll("ids").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean) };
  } else {
    raw = await readJsonBody(req, MAX_BODY);
  }
  const parsed = exportSchema.safeParse(raw);
  if (!parsed.success) throw validationFailed(parsed.error);
  return parsed.data.ids;
}
