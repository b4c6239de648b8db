import "server-only";
import { isIPv6 } from "node:net";
import ipaddr from "ipaddr.js";

// Parsing and classification of IP addresses for the SSRF guard. Every textual form of one address
// (dotted, decimal, hex, octal, short IPv4 forms; IPv4-mapped/compatible IPv6, NAT64, 6to4) must
// land in the same class, or a spelling the kernel accepts would slip past the check.
//
// ipaddr.js parses the text (IPv4 the way inet_aton and the WHATWG URL parser do: 1–4 parts, each
// decimal, 0x-hex or 0-octal, the last part filling the remaining bytes) and matches prefixes. Its own
// range() is not used as the classification: it folds the documentation and benchmarking networks
// into "reserved", calls addresses outside 2000::/3 that it has no name for "unicast" (they are not
// routable on the internet), and does not look inside IPv4-compatible, translated, NAT64 and 6to4
// addresses, which the kernel may route to the IPv4 address they carry. The rules below are ours.
// One spelling differs from the URL parser: ipaddr.js refuses an empty hex part ("0x"), which WHATWG
// reads as 0. URL hosts reach us already normalized to dotted form, and classifyAddress treats
// anything it cannot parse as "reserved", so the difference only ever refuses.

export type IpLiteral = { family: 4; address: ipaddr.IPv4 } | { family: 6; address: ipaddr.IPv6 };

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

/** IPv4 in any inet_aton spelling → its four bytes, or null. */
export function parseIPv4Loose(text: string): number[] | null {
  return ipaddr.IPv4.isValid(text) ? ipaddr.IPv4.parse(text).toByteArray() : null;
}

/**
 * Parses a host that is an IP literal in any form a URL parser or resolver might accept (IPv6 with
 * optional brackets and zone id, and a trailing dot on IPv4). Returns null for a host name, which
 * then has to go through DNS and the allowlist.
 */
export function parseIpLiteral(host: string): IpLiteral | null {
  const h = host.endsWith(".") ? host.slice(0, -1) : host;
  let v6 = h.startsWith("[") && h.endsWith("]") ? h.slice(1, -1) : h;
  const zone = v6.indexOf("%");
  if (zone >= 0) v6 = v6.slice(0, zone);
  // Node's strict check decides what is IPv6 text: ipaddr.js would also take non-standard spellings
  // of an embedded IPv4 part (hex or leading zeros), which no resolver or URL parser produces.
  if (isIPv6(v6)) return { family: 6, address: ipaddr.IPv6.parse(v6) };
  if (ipaddr.IPv4.isValid(h)) return { family: 4, address: ipaddr.IPv4.parse(h) };
  return null;
}

/** Judge the IPv4 address carried in the last 32 bits, or in bits 16–47 (6to4's relay address). */
type Embedded = "ipv4-in-last-32-bits" | "ipv4-after-2002";
type Rule<A, V> = readonly [network: A, prefix: number, verdict: V];

const v4 = (cidr: string, verdict: IpClass): Rule<ipaddr.IPv4, IpClass> => [...ipaddr.IPv4.parseCIDR(cidr), verdict];
const v6 = (cidr: string, verdict: IpClass | Embedded): Rule<ipaddr.IPv6, IpClass | Embedded> => [...ipaddr.IPv6.parseCIDR(cidr), verdict];

// First match wins; anything unmatched is public. Sources: IANA special-purpose registries.
const V4_RULES: readonly Rule<ipaddr.IPv4, IpClass>[] = [
  v4("0.0.0.0/8", "unspecified"),
  v4("10.0.0.0/8", "private"),
  v4("100.64.0.0/10", "shared"),
  v4("127.0.0.0/8", "loopback"),
  v4("169.254.0.0/16", "link_local"),
  v4("172.16.0.0/12", "private"),
  v4("192.0.0.0/24", "reserved"),
  v4("192.0.2.0/24", "documentation"),
  v4("192.88.99.0/24", "reserved"),
  v4("192.168.0.0/16", "private"),
  v4("198.18.0.0/15", "benchmark"),
  v4("198.51.100.0/24", "documentation"),
  v4("203.0.113.0/24", "documentation"),
  v4("224.0.0.0/4", "multicast"),
  v4("255.255.255.255/32", "broadcast"), // before 240/4, which contains it
  v4("240.0.0.0/4", "reserved"),
];

// First match wins; anything unmatched is reserved.
const V6_RULES: readonly Rule<ipaddr.IPv6, IpClass | Embedded>[] = [
  v6("::/128", "unspecified"),
  v6("::1/128", "loopback"), // before ::/96, which contains it
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (deprecated "compatible"), ::ffff:0:a.b.c.d (translated):
  // the kernel may route these to the IPv4 address, so they are judged as that address.
  v6("::ffff:0:0/96", "ipv4-in-last-32-bits"),
  v6("::/96", "ipv4-in-last-32-bits"),
  v6("::ffff:0:0:0/96", "ipv4-in-last-32-bits"),
  // NAT64 (64:ff9b::/96 well-known, 64:ff9b:1::/48 local-use) reaches the embedded IPv4 address.
  v6("64:ff9b::/96", "ipv4-in-last-32-bits"),
  v6("64:ff9b:1::/48", "reserved"),
  v6("2002::/16", "ipv4-after-2002"), // 6to4 carries the IPv4 relay address
  v6("2001::/32", "tunnel"), // Teredo
  v6("2001:db8::/32", "documentation"),
  v6("100::/64", "reserved"), // discard-only
  v6("2001:10::/28", "reserved"), // ORCHID
  v6("fc00::/7", "unique_local"),
  v6("fe80::/10", "link_local"),
  v6("fec0::/10", "site_local"),
  v6("ff00::/8", "multicast"),
  // Only global unicast (2000::/3) is routable on the internet; everything else is reserved.
  v6("2000::/3", "public"),
];

function classifyIPv4(address: ipaddr.IPv4): IpClass {
  return V4_RULES.find(([network, prefix]) => address.match(network, prefix))?.[2] ?? "public";
}

function classifyIPv6(address: ipaddr.IPv6): IpClass {
  const rule = V6_RULES.find(([network, prefix]) => address.match(network, prefix));
  if (!rule) return "reserved";
  const bytes = address.toByteArray();
  const verdict = rule[2];
  if (verdict === "ipv4-in-last-32-bits") return classifyIPv4(new ipaddr.IPv4(bytes.slice(12, 16)));
  if (verdict === "ipv4-after-2002") return classifyIPv4(new ipaddr.IPv4(bytes.slice(2, 6)));
  return verdict;
}

function classifyIp(ip: IpLiteral): IpClass {
  return ip.family === 4 ? classifyIPv4(ip.address) : classifyIPv6(ip.address);
}

/**
 * Classifies an address as written by the resolver or `socket.remoteAddress`. Text that is not an
 * address at all is reported as "reserved" so that the caller fails closed.
 */
export function classifyAddress(text: string): IpClass {
  const ip = parseIpLiteral(text);
  return ip ? classifyIp(ip) : "reserved";
}

