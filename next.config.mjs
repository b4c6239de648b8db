// Security headers for EVERY response (pages, API, static files). The page CSP with a per-request
// script nonce is added by proxy.ts; this baseline CSP is enforced alongside it (browsers apply both).
const baseline = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

// Media routes (clips, uploads, shared clips) set their own complete CSP (sandbox; lib/server/http/
// media-csp.ts); a config header of the same name would replace it, so they get the rest only.
const mediaBaseline = baseline.filter((h) => h.key !== "Content-Security-Policy");
const MEDIA_PATHS = ["/api/media/:path*", "/api/uploads/:path+", "/api/s/:path*"];

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
      // Everything except the media routes (negative lookahead on the whole path).
      { source: "/:path((?!api/media/|api/uploads/.|api/s/).*)", headers: baseline },
      ...MEDIA_PATHS.map((source) => ({ source, headers: mediaBaseline })),
      // Public share pages and their media: no referrer leaves them (the token is in the URL) and no
      // search engine indexes them. Listed after the baseline so these values win.
      { source: "/s/:path*", headers: shareHeaders },
      { source: "/api/s/:path*", headers: shareHeaders },
    ];
  },
};

export default nextConfig;
