import "server-only";

// scripts/server.mjs (our HTTP entry point) replaces any client-sent value of this header with the
// socket's peer address (or the proxy-reported one when TRUST_PROXY is set), so it can be trusted here.
const CLIENT_IP_HEADER = "x-framehouse-client-ip";

export function clientIpFrom(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get(CLIENT_IP_HEADER) : headers[CLIENT_IP_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value?.trim() || "unknown";
}
