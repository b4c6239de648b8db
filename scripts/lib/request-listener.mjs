// The node:http request listener in front of Next's handler (scripts/server.mjs): the client IP comes
// from the socket (or the proxy's X-Forwarded-For with TRUST_PROXY), and the request gate
// (lib/shared/request-gate.ts) refuses unknown methods and unconfigured Host headers before Next
// renders anything — pages, API and media alike.
const CLIENT_IP_HEADER = "x-framehouse-client-ip";

/** Types: request-listener.d.mts. */
export function requestListener({ handle, gate, trustProxy }) {
  const clientIp = (req) => {
    if (trustProxy) {
      const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",")[0]?.trim();
      if (forwarded) return forwarded;
    }
    return req.socket.remoteAddress ?? "unknown";
  };
  return (req, res) => {
    const refused = gate({ method: req.method ?? "", host: req.headers.host, cookie: req.headers.cookie, acceptLanguage: req.headers["accept-language"] });
    if (refused) {
      // The body is not read: close the connection after answering rather than drain an upload.
      res.writeHead(refused.status, { ...refused.headers, Connection: "close" });
      res.end(req.method === "HEAD" ? undefined : refused.body);
      return;
    }
    req.headers[CLIENT_IP_HEADER] = clientIp(req);
    if (!trustProxy) delete req.headers["x-forwarded-for"];
    handle(req, res);
  };
}
