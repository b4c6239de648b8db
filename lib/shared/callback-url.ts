// Any origin works as the base: only a result that stays on it is a same-site path. The browser is
// more lenient than a prefix check (it drops tabs and newlines anywhere in a URL and reads "\" as
// "/"), so "/\t/evil.example" would be "//evil.example", another site: parse, compare origins, and
// refuse anything a browser might rewrite before it even gets that far.
const BASE = "http://framehouse.invalid";

/** Control characters (C0, DEL, C1), any Unicode whitespace, or a backslash. */
export function hasCharsBrowsersRewrite(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || ch === "\\" || /\s/u.test(ch)) return true;
  }
  return false;
}

/** Only same-site relative paths are followed after sign-in or sign-up (no open redirect). */
export function safeCallbackUrl(raw: string | undefined): string {
  if (!raw?.startsWith("/") || hasCharsBrowsersRewrite(raw)) return "/";
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The serialized path must itself be a plain same-site path ("//x" cannot come out of a
  // same-origin parse, but the check costs nothing and keeps the promise local).
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

/** `path` carrying the callback on to the next auth page (omitted when it is just "/"). */
export function withCallback(path: string, callbackUrl: string): string {
  return callbackUrl === "/" ? path : `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
