// s3rver 3.7.1 parses SigV4 query authentication (access key, X-Amz-Expires) but never computes the
// signature ("Signature version 4 calculation is unimplemented"), so a presigned URL with a wrong
// signature would pass. This Koa middleware, put first by scripts/s3rver.mjs, recomputes the
// signature of every presigned request (a query with X-Amz-Signature) with the AWS SDK's own signer
// (@smithy/signature-v4) and answers 403 SignatureDoesNotMatch like S3 when it differs. Requests
// signed in the Authorization header (the SDK's own calls) are left to s3rver as before.
import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

const SIGNING_PARAMS = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Security-Token"];

/** @smithy's hash interface over node:crypto (SHA-256, or HMAC-SHA256 with a secret). */
class NodeSha256 {
  constructor(secret) {
    this.secret = secret;
    this.reset();
  }
  update(data) {
    this.h.update(typeof data === "string" ? data : Buffer.from(data.buffer ?? data, data.byteOffset ?? 0, data.byteLength));
  }
  digest() {
    return Promise.resolve(new Uint8Array(this.h.digest()));
  }
  reset() {
    this.h = this.secret === undefined ? createHash("sha256") : createHmac("sha256", typeof this.secret === "string" ? this.secret : Buffer.from(this.secret));
  }
}

function denied(ctx, code, message) {
  ctx.status = 403;
  ctx.type = "application/xml";
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

/** `secrets`: access key id → secret access key (s3rver's fixed S3RVER pair). */
export function verifyPresignedSigV4(secrets) {
  return async function presignedSignature(ctx, next) {
    const q = ctx.query;
    const provided = q["X-Amz-Signature"];
    if (typeof provided !== "string") return next();
    const [accessKeyId, day, region, service] = String(q["X-Amz-Credential"] ?? "").split("/");
    const secretAccessKey = secrets[accessKeyId];
    const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(String(q["X-Amz-Date"] ?? ""));
    if (!secretAccessKey || !date || !day || !region || service !== "s3" || q["X-Amz-SignedHeaders"] !== "host") {
      return denied(ctx, "SignatureDoesNotMatch", "Unsupported or incomplete presigned request.");
    }
    const query = {};
    for (const [k, v] of Object.entries(q)) if (!SIGNING_PARAMS.includes(k)) query[k] = v;
    const signer = new SignatureV4({
      service: "s3",
      region,
      credentials: { accessKeyId, secretAccessKey, ...(typeof q["X-Amz-Security-Token"] === "string" ? { sessionToken: q["X-Amz-Security-Token"] } : {}) },
      sha256: NodeSha256,
      uriEscapePath: false,
    });
    const [, y, mo, d, h, mi, s] = date;
    // Presigned URLs sign the literal payload hash UNSIGNED-PAYLOAD (the body is unknown when signing),
    // which is what the SDK's presigner passes this way.
    const signed = await signer.presign(
      {
        method: ctx.method,
        protocol: "http:",
        hostname: ctx.hostname,
        path: ctx.req.url.split("?")[0],
        query,
        headers: { host: ctx.get("host"), "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
      },
      {
        signingDate: new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s)),
        expiresIn: Number(q["X-Amz-Expires"]),
        unsignableHeaders: new Set(["x-amz-content-sha256"]),
        unhoistableHeaders: new Set(["x-amz-content-sha256"]),
      },
    );
    if (signed.query["X-Amz-Signature"] !== provided) {
      return denied(ctx, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }
    return next();
  };
}
