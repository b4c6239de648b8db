import "server-only";
import { isIPv4, isIPv6 } from "node:net";

// Parsing and classification of IP addresses for the SSRF guard (RELIABILITY.md §0 finding 4).
// Everything works on raw bytes so that every textual form of one address (dotted, decimal, hex,
// octal, IPv4-mapped/compatible IPv6, NAT64, 6to4) lands in the same classification.

export type IpBytes = { family: 4; bytes: Uint8Array } | { family: 6; bytes: Uint8Array };

/** Why an address is refused; `public` means it may be contacted. */
export type IpClass =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "shared" // 100.64/10 carrier-grade NAT
  | "link_local"
  | "unique_local"
  | "site_local"
  | "multicast"
  | "broadcast"
  | "reserved"
  | "documentation"
  | "benchmark"
  | "tunnel"; // Teredo: the real destination is hidden inside

/**
 * Parses an IPv4 address the way inet_aton (and the WHATWG URL parser) does: 1–4 parts, each
 * decimal, 0x-hex or 0-octal; the last part fills the remaining bytes. Returns null otherwise.
 */
export function parseIPv4Loose(text: string): Uint8Array | null {
  const parts = text.split(".");
  if (parts.length > 4 || parts.some((p) => p === "")) return null;
  const nums: number[] = [];
  for (const p of parts) {
    let n: number;
    if (/^0x[0-9a-f]*$/i.test(p)) n = p.length === 2 ? 0 : parseInt(p.slice(2), 16);
    else if (/^0[0-7]+$/.test(p)) n = parseInt(p.slice(1), 8);
    else if (/^(0|[1-9][0-9]*)$/.test(p)) n = Number(p);
    else return null;
    if (!Number.isSafeInteger(n)) return null;
    nums.push(n);
  }
  const last = nums.pop() ?? 0;
  if (nums.some((n) => n > 255)) return null;
  const restBytes = 4 - nums.length;
  if (last >= 2 ** (8 * restBytes)) return null;
  const out = new Uint8Array(4);
  nums.forEach((n, i) => (out[i] = n));
  for (let i = 3, v = last; i >= nums.length; i--, v = Math.floor(v / 256)) out[i] = v % 256;
  return out;
}

/** Parses any IPv6 text form (with `::`, embedded dotted IPv4, optional brackets and zone id). */
export function parseIPv6(text: string): Uint8Array | null {
  let t = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const zone = t.indexOf("%");
  if (zone >= 0) t = t.slice(0, zone);
  if (!isIPv6(t)) return null;
  const groups: number[] = [];
  const [head = "", tail] = t.split("::") as [string, string | undefined];
  const toGroups = (s: string): number[] => {
    if (s === "") return [];
    const out: number[] = [];
    for (const g of s.split(":")) {
      if (g.includes(".")) {
        const v4 = parseIPv4Strict(g);
        if (!v4) return [NaN];
        out.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else out.push(parseInt(g, 16));
    }
    return out;
  };
  const h = toGroups(head);
  const tl = tail === undefined ? [] : toGroups(tail);
  const fill = tail === undefined ? 0 : 8 - h.length - tl.length;
  groups.push(...h, ...new Array<number>(Math.max(0, fill)).fill(0), ...tl);
  if (groups.length !== 8 || groups.some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return null;
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 0xff;
  });
  return out;
}

function parseIPv4Strict(text: string): Uint8Array | null {
  if (!isIPv4(text)) return null;
  return Uint8Array.from(text.split(".").map(Number));
}

/**
 * Parses a host that is an IP literal in any form a URL parser or resolver might accept.
 * Returns null for a host name (which then has to go through DNS and the allowlist).
 */
export function parseIpLiteral(host: string): IpBytes | null {
  const h = host.endsWith(".") ? host.slice(0, -1) : host;
  const v6 = parseIPv6(h);
  if (v6) return { family: 6, bytes: v6 };
  const v4 = parseIPv4Loose(h);
  if (v4) return { family: 4, bytes: v4 };
  return null;
}

type V4Range = readonly [a: number, b: number, c: number, d: number, prefix: number, cls: IpClass];
// Order matters only where ranges nest (none do here). Sources: IANA special-purpose registries.
const V4_RANGES: readonly V4Range[] = [
  [0, 0, 0, 0, 8, "unspecified"],
  [10, 0, 0, 0, 8, "private"],
  [100, 64, 0, 0, 10, "shared"],
  [127, 0, 0, 0, 8, "loopback"],
  [169, 254, 0, 0, 16, "link_local"],
  [172, 16, 0, 0, 12, "private"],
  [192, 0, 0, 0, 24, "reserved"],
  [192, 0, 2, 0, 24, "documentation"],
  [192, 88, 99, 0, 24, "reserved"],
  [192, 168, 0, 0, 16, "private"],
  [198, 18, 0, 0, 15, "benchmark"],
  [198, 51, 100, 0, 24, "documentation"],
  [203, 0, 113, 0, 24, "documentation"],
  [224, 0, 0, 0, 4, "multicast"],
  [255, 255, 255, 255, 32, "broadcast"],
  [240, 0, 0, 0, 4, "reserved"],
];

function inPrefix(bytes: Uint8Array, net: readonly number[], prefix: number): boolean {
  for (let bit = 0; bit < prefix; bit++) {
    const i = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[i] ?? 0) & mask) !== ((net[i] ?? 0) & mask)) return false;
  }
  return true;
}

export function classifyIPv4(bytes: Uint8Array): IpClass {
  for (const [a, b, c, d, prefix, cls] of V4_RANGES) {
    if (inPrefix(bytes, [a, b, c, d], prefix)) return cls;
  }
  return "public";
}

const zeros = (n: number) => new Array<number>(n).fill(0);

export function classifyIPv6(bytes: Uint8Array): IpClass {
  const b = (i: number) => bytes[i] ?? 0;
  const embeddedV4 = (from: number) => bytes.slice(from, from + 4);
  if (bytes.every((x) => x === 0)) return "unspecified";
  if (inPrefix(bytes, [...zeros(15), 1], 128)) return "loopback";
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (deprecated "compatible"), ::ffff:0:a.b.c.d (translated):
  // the kernel may route these to the IPv4 address, so they are judged as that address.
  if (inPrefix(bytes, [...zeros(10), 0xff, 0xff], 96)) return classifyIPv4(embeddedV4(12));
  if (inPrefix(bytes, zeros(12), 96)) return classifyIPv4(embeddedV4(12));
  if (inPrefix(bytes, [...zeros(8), 0xff, 0xff, 0, 0], 96)) return classifyIPv4(embeddedV4(12));
  // NAT64 (64:ff9b::/96 well-known, 64:ff9b:1::/48 local-use) reaches the embedded IPv4 address.
  if (inPrefix(bytes, [0, 0x64, 0xff, 0x9b, ...zeros(8)], 96)) return classifyIPv4(embeddedV4(12));
  if (inPrefix(bytes, [0, 0x64, 0xff, 0x9b, 0, 1], 48)) return "reserved";
  if (inPrefix(bytes, [0x20, 0x02], 16)) {
    return classifyIPv4(embeddedV4(2)); // 6to4 carries the IPv4 relay address
  }
  if (inPrefix(bytes, [0x20, 0x01, 0, 0], 32)) return "tunnel"; // Teredo
  if (inPrefix(bytes, [0x20, 0x01, 0x0d, 0xb8], 32)) return "documentation";
  if (inPrefix(bytes, [0x01, 0, 0, 0, 0, 0, 0, 0], 64)) return "reserved"; // discard-only
  if (inPrefix(bytes, [0x20, 0x01, 0x00, 0x10], 28)) return "reserved"; // ORCHID
  if ((b(0) & 0xfe) === 0xfc) return "unique_local"; // fc00::/7
  if (b(0) === 0xfe && (b(1) & 0xc0) === 0x80) return "link_local"; // fe80::/10
  if (b(0) === 0xfe && (b(1) & 0xc0) === 0xc0) return "site_local"; // fec0::/10
  if (b(0) === 0xff) return "multicast";
  // Only global unicast (2000::/3) is routable on the internet; everything else is reserved.
  if ((b(0) & 0xe0) !== 0x20) return "reserved";
  return "public";
}

export function classifyIp(ip: IpBytes): IpClass {
  return ip.family === 4 ? classifyIPv4(ip.bytes) : classifyIPv6(ip.bytes);
}

/**
 * Classifies an address as written by the resolver or `socket.remoteAddress`. Text that is not an
 * address at all is reported as "reserved" so that the caller fails closed.
 */
export function classifyAddress(text: string): IpClass {
  const ip = parseIpLiteral(text);
  return ip ? classifyIp(ip) : "reserved";
}

export function isPublicAddress(text: string): boolean {
  return classifyAddress(text) === "public";
}
