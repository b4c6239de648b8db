import { describe, expect, it } from "vitest";
import { classifyAddress, type IpClass, parseIpLiteral, parseIPv4Loose } from "@/lib/server/net/ip-address";

const table: Array<[string, IpClass]> = [
  // IPv4 dotted
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["10.0.0.1", "private"],
  ["10.255.255.255", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["172.15.255.255", "public"],
  ["172.32.0.0", "public"],
  ["192.168.1.1", "private"],
  ["169.254.169.254", "link_local"],
  ["100.64.0.1", "shared"],
  ["100.127.255.255", "shared"],
  ["100.128.0.0", "public"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["255.255.255.255", "broadcast"],
  ["240.0.0.1", "reserved"],
  ["192.0.0.8", "reserved"],
  ["192.0.2.1", "documentation"],
  ["198.18.0.1", "benchmark"],
  ["8.8.8.8", "public"],
  ["93.184.216.34", "public"],
  ["1.1.1.1", "public"],
  // IPv4 in decimal / hex / octal / short forms
  ["2130706433", "loopback"],
  ["0x7f000001", "loopback"],
  ["0x7f.0.0.1", "loopback"],
  ["0177.0.0.1", "loopback"],
  ["0177.1", "loopback"],
  ["127.1", "loopback"],
  ["127.0.1", "loopback"],
  ["0", "unspecified"],
  ["0xa9fea9fe", "link_local"],
  ["3232235777", "private"],
  ["134744072", "public"], // 8.8.8.8
  ["127.0.0.1.", "loopback"],
  // IPv6
  ["::1", "loopback"],
  ["0:0:0:0:0:0:0:1", "loopback"],
  ["[::1]", "loopback"],
  ["::", "unspecified"],
  ["fe80::1", "link_local"],
  ["fe80::1%eth0", "link_local"],
  ["febf::1", "link_local"],
  ["fec0::1", "site_local"],
  ["fc00::1", "unique_local"],
  ["fd12:3456::1", "unique_local"],
  ["ff02::1", "multicast"],
  ["2001:db8::1", "documentation"],
  ["2001::1", "tunnel"],
  ["100::1", "reserved"],
  ["2606:4700:4700::1111", "public"],
  ["2a00:1450:4001:80b::200e", "public"],
  ["4000::1", "reserved"],
  // IPv4 embedded in IPv6
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["[::ffff:127.0.0.1]", "loopback"],
  ["0:0:0:0:0:ffff:7f00:0001", "loopback"],
  ["::ffff:10.0.0.1", "private"],
  ["::ffff:169.254.169.254", "link_local"],
  ["::ffff:8.8.8.8", "public"],
  ["::127.0.0.1", "loopback"],
  ["::7f00:1", "loopback"],
  ["::ffff:0:127.0.0.1", "loopback"],
  ["64:ff9b::127.0.0.1", "loopback"],
  ["64:ff9b::8.8.8.8", "public"],
  ["64:ff9b:1::1", "reserved"],
  ["2002:7f00:1::1", "loopback"],
  ["2002:0808:0808::1", "public"],
  // Not addresses: fail closed
  ["localhost", "reserved"],
  ["example.com", "reserved"],
  ["256.0.0.1", "reserved"],
  ["1.2.3.4.5", "reserved"],
  ["0x1g", "reserved"],
  ["", "reserved"],
  [":::1", "reserved"],
];

describe("IP classification", () => {
  it.each(table)("%s → %s", (addr, cls) => {
    expect(classifyAddress(addr)).toBe(cls);
  });

  it("parses loose IPv4 like the URL parser", () => {
    expect(Array.from(parseIPv4Loose("2130706433") ?? [])).toEqual([127, 0, 0, 1]);
    expect(Array.from(parseIPv4Loose("0x7f.1") ?? [])).toEqual([127, 0, 0, 1]);
    expect(Array.from(parseIPv4Loose("1.2.65535") ?? [])).toEqual([1, 2, 255, 255]);
    expect(parseIPv4Loose("1.2.65536")).toBeNull();
    expect(parseIPv4Loose("4294967296")).toBeNull();
    expect(parseIPv4Loose("08.0.0.1")).toBeNull();
    expect(parseIpLiteral("cdn.example.com")).toBeNull();
    expect(parseIpLiteral("::ffff:1.2.3.4")?.family).toBe(6);
  });

  it("agrees with the WHATWG URL parser on every IPv4 spelling it normalizes", () => {
    for (const spelling of ["0x7f000001", "2130706433", "0177.0.0.1", "127.1", "0x7f.0x0.0x0.0x1", "017700000001"]) {
      const host = new URL(`http://${spelling}/`).hostname;
      expect(classifyAddress(host)).toBe("loopback");
      expect(classifyAddress(spelling)).toBe("loopback");
    }
  });
});
