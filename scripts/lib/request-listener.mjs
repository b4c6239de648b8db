// The node:http request listener in front of Next's handler (scripts/server.mjs): the client IP comes
// from the socket (or the proxy's X-Forwarded-For with TRUST_PROXY), and the request gate
// (lib/shared/request-gate.ts) refuses unknown methods and unconfigured Host headers before Next
// renders anything — pages, API and media alike. Then the early hash gate (same file) refuses the
// sign-ins and sign-ups the hash gate would refuse, with the address the app would see.
import { performance } from "node:perf_hooks";
import { clearTimeout, setTimeout } from "node:timers";

const CLIENT_IP_HEADER = "x-framehouse-client-ip";
// When the request arrived (epoch ms): with SERVER_TIMING, the route's "pre" span (lib/server/spans.ts).
const RECEIVED_AT_HEADER = "x-framehouse-received-at";

/**
 * Refused sign-ins are held this long before the 429 is written (never longer than its Retry-After):
 * a flooder that sends its next attempt as soon as an answer comes back then costs a timer per
 * second instead of a refusal per round trip. Held answers cost no CPU, only an open socket, so they
 * are capped; beyond the cap the refusal is written at once.
 */
const HOLD = { ms: 1000, max: 256 };

/** Types: request-listener.d.mts. */
// Signed media URLs may be answered by the media fast path (lib/shared/media-fast-path.ts) before Next.
const SIGNED_MEDIA_PATH = "/api/media/signed/";

export function requestListener({ handle, gate, hashGate, mediaFastPath, trustProxy, hold = HOLD }) {
  let held = 0;
  const clientIp = (req) => {
    if (trustProxy) {
      // The last entry is the one the proxy wrote: an appending proxy keeps whatever the client sent
      // before it, so an earlier entry would let a client pick its own address (and its own bucket).
      const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((s) => s.trim()).filter(Boolean).at(-1);
      if (forwarded) return forwarded;
    }
    return req.socket.remoteAddress ?? "unknown";
  };
  const send = (req, res, answer) => {
    // The body is not read: close the connection after answering rather than drain an upload.
    res.writeHead(answer.status, { ...answer.headers, Connection: "close" });
    res.end(req.method === "HEAD" ? undefined : answer.body);
  };
  const sendHeld = (req, res, answer) => {
    const retryAfterMs = 1000 * Number(answer.headers["Retry-After"] ?? 0);
    const ms = Math.min(hold.ms, retryAfterMs);
    if (held >= hold.max || !(ms > 0)) return send(req, res, answer);
    held++;
    const timer = setTimeout(() => send(req, res, answer), ms);
    // "close" comes once: after the answer, or when the client gives up first.
    res.once("close", () => {
      clearTimeout(timer);
      held--;
    });
  };
  const listener = (req, res) => {
    req.headers[RECEIVED_AT_HEADER] = String(performance.timeOrigin + performance.now());
    const refused = gate({ method: req.method ?? "", host: req.headers.host, cookie: req.headers.cookie, acceptLanguage: req.headers["accept-language"] });
    if (refused) return send(req, res, refused);
    const ip = clientIp(req);
    const early = hashGate?.({ method: req.method ?? "", url: req.url ?? "", ip, host: req.headers.host, cookie: req.headers.cookie, acceptLanguage: req.headers["accept-language"] });
    if (early) return sendHeld(req, res, early);
    req.headers[CLIENT_IP_HEADER] = ip;
    if (!trustProxy) delete req.headers["x-forwarded-for"];
    const fast = req.url?.startsWith(SIGNED_MEDIA_PATH) ? mediaFastPath?.() : undefined;
    if (!fast) return handle(req, res);
    // false: nothing was written (a refusal, a missing object), and the route answers it.
    fast(req, res).then(
      (answered) => answered || handle(req, res),
      () => (res.headersSent ? res.destroy() : handle(req, res)),
    );
  };
  /** Refusals being held right now (tests, diagnostics). */
  listener.held = () => held;
  return listener;
}
