import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupFunction, Socket } from "node:net";
import { connect as netConnect, isIP } from "node:net";
import { connect as tlsConnect } from "node:tls";
import { classifyAddress } from "./ip-address";
import { SafeFetchError } from "./safe-fetch-error";

// The dynamic half of the SSRF guard. We resolve the name ourselves and refuse the request if ANY
// answer is internal (a mixed answer is how DNS rebinding slips through), pin the connection to the
// checked answers, and then check the socket's real peer address before a single byte is written:
// a lookup-only guard misses IP literals and anything the kernel rewrites (tests/integration/safe-fetch-ssrf.test.ts shows both).

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
/** DNS resolver; injectable so tests can simulate hostile or rebinding DNS without a network. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** Resolves `hostname` and fails closed unless every answer is a public address (or `trusted`). */
export async function resolveChecked(
  hostname: string,
  trusted: boolean,
  resolver: Resolver,
): Promise<ResolvedAddress[]> {
  const literal = isIP(hostname);
  if (literal !== 0) {
    // Only trusted origins get here with a literal (url-policy refuses the rest); check anyway.
    const answer: ResolvedAddress = { address: hostname, family: literal === 6 ? 6 : 4 };
    assertAddressAllowed(answer.address, trusted);
    return [answer];
  }
  let answers: readonly ResolvedAddress[];
  try {
    answers = await resolver(hostname);
  } catch (cause) {
    throw new SafeFetchError("network", `DNS lookup failed for ${hostname}`, { cause });
  }
  if (answers.length === 0) throw new SafeFetchError("network", `no DNS answer for ${hostname}`);
  for (const a of answers) assertAddressAllowed(a.address, trusted);
  return [...answers];
}

function assertAddressAllowed(address: string, trusted: boolean): void {
  if (trusted) return;
  const cls = classifyAddress(address);
  if (cls !== "public") {
    throw new SafeFetchError("blocked_address", `address ${address} is not public (${cls})`);
  }
}

/**
 * Destroys `socket` as soon as it connects if the peer is not allowed. The listener is prepended so
 * it runs before http's queued request write and before the TLS ClientHello.
 */
export function attachPeerGuard(socket: Socket, trusted: boolean, onConnected?: () => void): void {
  socket.prependOnceListener("connect", () => {
    const peer = socket.remoteAddress;
    try {
      if (peer === undefined) throw new SafeFetchError("blocked_address", "peer address unknown");
      assertAddressAllowed(peer, trusted);
    } catch (err) {
      socket.destroy(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    onConnected?.();
  });
}

/** A `lookup` for net/tls that only ever hands out the already-checked answers. */
function pinnedLookup(answers: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const first = answers[0];
    if (options.all) {
      (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [...answers]);
    } else if (first) {
      callback(null, first.address, first.family);
    } else {
      callback(new Error("no address"), "", 4);
    }
  };
}

export interface GuardedConnectOptions {
  hostname: string;
  port: number;
  tls: boolean;
  trusted: boolean;
  answers: readonly ResolvedAddress[];
  /** Extra trusted CA certificates (PEM), e.g. a private CDN or a test server; system CAs otherwise. */
  ca?: string | Buffer;
  onConnected?: () => void;
}

/** Opens a fresh (never pooled) TCP or TLS socket to the checked answers, guarded by the peer check. */
export function guardedConnect(o: GuardedConnectOptions): Socket {
  const lookup = pinnedLookup(o.answers);
  const socket = o.tls
    ? tlsConnect({
        host: o.hostname,
        port: o.port,
        lookup,
        servername: isIP(o.hostname) === 0 ? o.hostname : undefined,
        ALPNProtocols: ["http/1.1"],
        ...(o.ca !== undefined ? { ca: o.ca } : {}),
      })
    : netConnect({ host: o.hostname, port: o.port, lookup });
  attachPeerGuard(socket, o.trusted, o.onConnected);
  return socket;
}
