import { API_BASELINE_HEADERS as apiBaseline, BASELINE_HEADERS as baseline, MEDIA_BASELINE_HEADERS as mediaBaseline } from "./lib/shared/security-headers.mjs";

// Security headers for EVERY response (lib/shared/security-headers.mjs): pages get the page baseline,
// API answers the JSON policy, media routes everything but a CSP (they set their own, complete one).
// Next keeps a config header over the route's own header of the same name, so a path's CSP is decided
// here: a media route missing from MEDIA_ROUTES would send the JSON policy instead of its sandbox.
// One row per media route: its path pattern, and the same paths as the regex the API rule below skips.
const MEDIA_ROUTES = [
  { source: "/api/media/:path*", under: "media/" },
  { source: "/api/uploads/:path+", under: "uploads/." },
  { source: "/api/s/:path*", under: "s/" },
  { source: "/api/shots/:shotId/voice/audio", under: "shots/[^/]+/voice/audio$" },
];
const notApiBaseline = [...MEDIA_ROUTES.map((r) => r.under), "auth/"].join("|");

const shareHeaders = [
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Robots-Tag", value: "noindex, nofollow" },
];

// Link-preview fetchers get the page's metadata in <head> before the body (Next streams it after the
// body to other clients). Next's own list (next/dist/shared/lib/router/utils/html-bots.js) plus the
// chat apps our users paste links into: Feishu/Lark, WeChat, DingTalk, Telegram.
const htmlLimitedBots =
  /[\w-]+-Google|Google-[\w-]+|Chrome-Lighthouse|Slurp|DuckDuckBot|baiduspider|yandex|sogou|bitlybot|tumblr|vkShare|quora link preview|redditbot|ia_archiver|Bingbot|BingPreview|applebot|facebookexternalhit|facebookcatalog|Twitterbot|LinkedInBot|Slackbot|Discordbot|WhatsApp|SkypeUriPreview|Yeti|googleweblight|Feishu|Lark|MicroMessenger|WeChat|DingTalk|TelegramBot/i;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  htmlLimitedBots,
  reactStrictMode: true,
  serverExternalPackages: ["better-sqlite3", "@electric-sql/pglite", "sharp", "pg", "nodemailer"],
  // Media and uploads are served by our own route handlers; the image optimizer is not used.
  images: { unoptimized: true },
  // The type check runs once over the whole tree (app, lib, tests, scripts) as `npm run typecheck`
  // inside `npm test`; the build doesn't repeat it (saves ~10 s of the 2-core CI budget).
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      // Pages and static files (negative lookahead on the whole path), then API answers except media.
      // next-auth's endpoints keep the page baseline: its built-in sign-out page is HTML with inline styles.
      { source: "/:path((?!api/).*)", headers: baseline },
      { source: "/api/auth/:path*", headers: baseline },
      { source: `/api/:path((?!${notApiBaseline}).*)`, headers: apiBaseline },
      ...MEDIA_ROUTES.map(({ source }) => ({ source, headers: mediaBaseline })),
      // Public share pages and their media: no referrer leaves them (the token is in the URL) and no
      // search engine indexes them. Listed after the baseline so these values win.
      { source: "/s/:path*", headers: shareHeaders },
      { source: "/api/s/:path*", headers: shareHeaders },
      // A signed media URL never leaves in a Referer. Next keeps a config header over the route's own
      // header of the same name, so the route's no-referrer has to be said here (the fast path in front
      // of Next, lib/server/media-access/signed-media-node.ts, sends the same).
      { source: "/api/media/signed/:path*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default nextConfig;
