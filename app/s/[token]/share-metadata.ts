import type { Metadata } from "next";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { SharedClipView, SharedFilmView } from "@/lib/server/share/resolve";

// The share page's <title> and link-preview card (Open Graph + Twitter), so a link pasted into
// WeChat, Feishu or Slack shows the clip: its prompt (or the film's title), its poster and its video.
// Paths are relative: the root layout's metadataBase makes them absolute. They go through
// /api/s/<token>/… (valid while the link lives), never the player's short-lived signed URLs.

export type Shared = { kind: "clip"; clip: SharedClipView } | { kind: "film"; film: SharedFilmView };

const TITLE_CHARS = 60;
const DESCRIPTION_CHARS = 200;

/** One line, at most `max` characters (an ellipsis when cut). */
function oneLine(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join("").trimEnd()}…` : chars.join("");
}

const PRIVATE: Metadata = {
  robots: { index: false, follow: false, nocache: true, googleBot: { index: false, follow: false } },
  referrer: "no-referrer",
};

export function shareMetadata(shared: Shared | null, t: Translate, locale: Locale, origin: string): Metadata {
  const app = t("app.name");
  if (!shared) return { ...PRIVATE, title: `${t("share.page.missingTitle")} · ${app}` };
  const v = shared.kind === "clip" ? shared.clip : shared.film;
  const seconds = v.durationMs !== null ? Math.round(v.durationMs / 100) / 10 : null;
  const named = shared.kind === "clip" ? (shared.clip.prompt ? oneLine(shared.clip.prompt, TITLE_CHARS) : null) : oneLine(shared.film.title, TITLE_CHARS);
  const title = `${named || t("share.page.title")} · ${app}`;
  const description =
    shared.kind === "clip" && shared.clip.prompt
      ? oneLine(shared.clip.prompt, DESCRIPTION_CHARS)
      : seconds === null
        ? t("share.page.cardFallback", { app })
        : t(shared.kind === "clip" ? "share.page.cardClip" : "share.page.cardFilm", { seconds, app });
  const size = v.width && v.height ? { width: v.width, height: v.height } : {};
  const abs = (path: string) => new URL(path, origin).toString();
  const image = v.card.imagePath ? { url: abs(v.card.imagePath), alt: title, ...size } : { url: abs("/og-default.png"), width: 1200, height: 630, alt: app };
  return {
    ...PRIVATE,
    title,
    description,
    openGraph: {
      type: "video.other",
      siteName: app,
      title,
      description,
      locale: locale === "zh-CN" ? "zh_CN" : "en_US",
      images: [image],
      videos: [{ url: abs(v.card.videoPath), type: "video/mp4", ...size }],
    },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}
