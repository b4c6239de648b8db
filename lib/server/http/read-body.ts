import "server-only";
import { AppError, type ErrorCode } from "../errors";

// The one place that reads a request body (eslint.config.mjs forbids req.text()/json()/formData()/
// arrayBuffer()/blob() elsewhere): every reader here stops at its cap, with or without Content-Length.

/**
 * Reads a request body with a hard byte cap: the declared Content-Length only lets us fail early;
 * bytes are counted while streaming, so a lying or absent header (chunked) can't make us buffer more.
 * The error codes are the caller's (a JSON API says payload_too_large, uploads upload_too_large).
 */
export async function readBodyCapped(
  req: Request,
  maxBytes: number,
  codes: { missing: ErrorCode; tooLarge: ErrorCode },
): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) throw new AppError(codes.tooLarge);
  if (!req.body) throw new AppError(codes.missing);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError(codes.tooLarge);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body with a byte cap. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const body = await readBodyCapped(req, maxBytes, { missing: "invalid_json", tooLarge: "payload_too_large" });
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new AppError("invalid_json");
  }
}

/** Reads a urlencoded form body with a byte cap; no body is an empty form (the schema says what is missing). */
export async function readFormBody(req: Request, maxBytes: number): Promise<URLSearchParams> {
  if (!req.body) return new URLSearchParams();
  const body = await readBodyCapped(req, maxBytes, { missing: "invalid_json", tooLarge: "payload_too_large" });
  return new URLSearchParams(body.toString("utf8"));
}

/**
 * The request again, its body now read through the cap, for code that reads the body itself
 * (next-auth's route reads req.json()/req.text() with no limit). JSON that does not parse is refused
 * here, so the library never throws on it.
 */
export async function withCappedBody(req: Request, maxBytes: number): Promise<Request> {
  if (!req.body) return req;
  const body = await readBodyCapped(req, maxBytes, { missing: "invalid_json", tooLarge: "payload_too_large" });
  if ((req.headers.get("content-type") ?? "").includes("application/json")) {
    try {
      JSON.parse(body.toString("utf8"));
    } catch {
      throw new AppError("invalid_json");
    }
  }
  return new Request(req.url, { method: req.method, headers: req.headers, body: new Uint8Array(body) });
}
