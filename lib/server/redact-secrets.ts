import "server-only";

// The one rule for taking secrets out of text before it is logged or carried by an error: every
// configured secret, each half of an `id.secret` key (a half alone is enough to find or misuse the
// key), any `Bearer` token and anything shaped like a BigModel key (text from outside, such as an
// upstream body that echoes the request, can hold a key we were not told about).

export const REDACTED = "[redacted]";

const KEY_LIKE = /\b[0-9a-f]{32}\.[A-Za-z0-9]{16}\b/g;
const BEARER = /Bearer\s+\S+/gi;
const MIN_HALF = 8; // shorter halves are too likely to occur in ordinary text

export function redactSecrets(text: string, secrets: readonly string[]): string {
  const parts = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    parts.add(s);
    for (const half of s.split(".")) if (half.length >= MIN_HALF) parts.add(half);
  }
  let out = text;
  // Longest first, so a whole key is replaced before its halves could split it into fragments.
  for (const p of [...parts].sort((a, b) => b.length - a.length)) out = out.split(p).join(REDACTED);
  return out.replace(BEARER, `Bearer ${REDACTED}`).replace(KEY_LIKE, REDACTED);
}
