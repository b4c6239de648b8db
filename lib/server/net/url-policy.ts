import "server-only";
import { parseIpLiteral } from "./ip-address";
import { SafeFetchError } from "./safe-fetch-error";

// The static half of the SSRF guard: what a URL must look like before any DNS lookup or socket.
// The dynamic half (every resolved address, then the connected peer) lives in safe-fetch.ts.

export interface UrlPolicyOptions {
  /** Exact host names (`cdn.example.com`) or subdomain wildcards (`*.example.com`, subdomains only). */
  allowHosts: readonly string[];
  /**
   * Exact origins (`http://127.0.0.1:4010`) trusted as configured by the operator, e.g. the built-in
   * simulator: they may use http and resolve to loopback/private addresses. Nothing else may.
   */
  allowOrigins?: readonly string[];
  /** Ports allowed for allowHosts URLs; default only 443 (CDNs serve https on the default port). */
  allowPorts?: readonly number[];
  /**
   * Any https host name passes the static check (allowHosts is then not a limit). The dynamic half
   * still refuses every private, loopback, link-local or otherwise non-public address.
   */
  anyPublicHost?: boolean;
}

export interface UrlPolicy {
  readonly exactHosts: ReadonlySet<string>;
  readonly suffixes: readonly string[];
  readonly origins: ReadonlySet<string>;
  readonly ports: ReadonlySet<number>;
  readonly anyPublicHost: boolean;
}

export interface CheckedUrl {
  url: URL;
  /** Host name without brackets or trailing dot, as used for DNS and TLS SNI. */
  hostname: string;
  port: number;
  /** True when the URL's origin is an exact allowOrigin (address checks are skipped). */
  trusted: boolean;
}

const HOST_RE = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

function normalizeHost(h: string): string {
  const lower = h.trim().toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

/** Validates and normalizes the options once; a bad entry is a configuration error, so it throws. */
export function compileUrlPolicy(opts: UrlPolicyOptions): UrlPolicy {
  const exactHosts = new Set<string>();
  const suffixes: string[] = [];
  for (const raw of opts.allowHosts) {
    const h = normalizeHost(raw);
    if (h === "") continue;
    const wildcard = h.startsWith("*.");
    const name = wildcard ? h.slice(2) : h;
    if (!HOST_RE.test(name) || parseIpLiteral(name) !== null) {
      throw new TypeError(`allowHosts entry is not a host name: ${JSON.stringify(raw)}`);
    }
    if (wildcard) suffixes.push(`.${name}`);
    else exactHosts.add(name);
  }
  const origins = new Set<string>();
  for (const raw of opts.allowOrigins ?? []) {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new TypeError(`allowOrigins entry is not a URL: ${JSON.stringify(raw)}`);
    }
    if ((u.protocol !== "http:" && u.protocol !== "https:") || u.username || u.password) {
      throw new TypeError(`allowOrigins entry must be an http(s) origin: ${JSON.stringify(raw)}`);
    }
    origins.add(u.origin);
  }
  return { exactHosts, suffixes, origins, ports: new Set(opts.allowPorts ?? [443]), anyPublicHost: opts.anyPublicHost === true };
}

function defaultPort(u: URL): number {
  return u.port !== "" ? Number(u.port) : u.protocol === "https:" ? 443 : 80;
}

function hostAllowed(policy: UrlPolicy, hostname: string): boolean {
  if (policy.anyPublicHost || policy.exactHosts.has(hostname)) return true;
  return policy.suffixes.some((s) => hostname.endsWith(s) && hostname.length > s.length);
}

/** Applies scheme, credential, IP-literal, host and port rules. Throws a typed SafeFetchError. */
export function checkUrl(input: string | URL, policy: UrlPolicy): CheckedUrl {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new SafeFetchError("blocked_host", "not a valid absolute URL");
  }
  const href = url.href;
  if (url.username !== "" || url.password !== "") {
    throw new SafeFetchError("blocked_host", "credentials in URL are not allowed", { url: href });
  }
  const bare = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  const hostname = normalizeHost(bare);
  const port = defaultPort(url);
  if (policy.origins.has(url.origin)) return { url, hostname, port, trusted: true };

  if (url.protocol !== "https:") {
    throw new SafeFetchError("blocked_scheme", `scheme ${url.protocol} is not allowed`, { url: href });
  }
  // The URL parser already folds decimal/hex/octal IPv4 forms into dotted form; checking the
  // parsed literal as well keeps us safe if a caller hands in an already-parsed exotic URL.
  if (url.hostname.startsWith("[") || parseIpLiteral(hostname) !== null) {
    throw new SafeFetchError("blocked_host", "IP-literal hosts are not allowed", { url: href });
  }
  if (!hostAllowed(policy, hostname)) {
    throw new SafeFetchError("blocked_host", `host ${hostname} is not on the allowlist`, { url: href });
  }
  if (!policy.ports.has(port)) {
    throw new SafeFetchError("blocked_host", `port ${port} is not allowed`, { url: href });
  }
  return { url, hostname, port, trusted: false };
}
