/** Only same-site relative paths are followed after sign-in or sign-up (no open redirect). */
export function safeCallbackUrl(raw: string | undefined): string {
  return raw?.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\") ? raw : "/";
}

/** `path` carrying the callback on to the next auth page (omitted when it is just "/"). */
export function withCallback(path: string, callbackUrl: string): string {
  return callbackUrl === "/" ? path : `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
