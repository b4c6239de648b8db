import { createHmac, timingSafeEqual } from "node:crypto";
import path from "node:path";
import { isId } from "@/lib/shared/ids";

// Result URLs imitate a CDN's signed links: /files/<taskId>/<name>?exp=<unix s>&sig=<hmac> (for a
// still, <taskId> is its generation id). A wrong signature and an expired link both answer 403, like
// an expired object-storage signature.

export type ResultFile = "video.mp4" | "cover.jpg" | "image.png";

function sign(secret: Buffer, taskId: string, name: string, exp: number): string {
  return createHmac("sha256", secret).update(`${taskId}/${name}:${exp}`).digest("base64url");
}

export function signedFileUrl(origin: string, secret: Buffer, taskId: string, name: ResultFile, expSeconds: number): string {
  const sig = sign(secret, taskId, name, expSeconds);
  return `${origin}/files/${encodeURIComponent(taskId)}/${name}?exp=${expSeconds}&sig=${sig}`;
}

export type FileUrlCheck =
  | { ok: true; taskId: string; name: ResultFile }
  | { ok: false; status: 403 | 404; reason: string };

export function checkFileUrl(url: URL, secret: Buffer, nowMs: number): FileUrlCheck {
  const m = /^\/files\/([^/]+)\/(video\.mp4|cover\.jpg|image\.png)$/.exec(url.pathname);
  if (!m || !isId(m[1] as string)) return { ok: false, status: 404, reason: "NoSuchKey" };
  const taskId = m[1] as string;
  const name = m[2] as ResultFile;
  const exp = Number(url.searchParams.get("exp"));
  const sig = url.searchParams.get("sig") ?? "";
  const expected = Buffer.from(sign(secret, taskId, name, exp));
  const given = Buffer.from(sig);
  if (!Number.isInteger(exp) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 403, reason: "SignatureDoesNotMatch" };
  }
  if (nowMs / 1000 > exp) return { ok: false, status: 403, reason: "Request has expired" };
  return { ok: true, taskId, name };
}

/** Where the simulator keeps a generated still (one file per generation id). */
export function stillPath(cacheDir: string, id: string): string {
  return path.join(cacheDir, "stills", `${id}.png`);
}
