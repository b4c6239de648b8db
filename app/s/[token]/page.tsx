import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/server/db";
import { aspectBoxStyle, frameSizeOf } from "@/lib/shared/clip-aspect";
import { publicOriginOfPage } from "@/lib/server/http/public-origin";
import { getFormatTime, getT } from "@/lib/server/i18n";
import { MODE_LABEL_KEY } from "@/lib/shared/generation-mode";
import { loadSharedClip, loadSharedFilm, type SharedFilmView } from "@/lib/server/share/resolve";
import { type Shared, shareMetadata } from "./share-metadata";

// /s/<token> — a shared clip (or a rendered film export) for anyone holding the link: no sign-in, no workspace. The token is
// resolved on every load (nothing cached), and each load that shows the clip counts one view.
// Headers (proxy.ts + next.config.mjs): Referrer-Policy no-referrer, X-Robots-Tag noindex,
// Cache-Control private, no-store (Next rewrites it to its own no-store value for dynamic pages), the
// page CSP with its nonce; per-IP rate limit in proxy.ts.
export const dynamic = "force-dynamic";

/** The shared player is large and at the clip's shape: a portrait clip fills the height, not a 16:9 box. */
const PLAYER_MAX_HEIGHT = "75vh";


/** One resolution per request: the metadata and the page share it (one view counted, one set of URLs).
 *  A React Server Components request (header `rsc`: the language switch's router.refresh(), a client
 *  navigation) re-renders a page already open: not another view. */
const loadShared = cache(async (token: string): Promise<Shared | null> => {
  const counting = { countView: !(await headers()).has("rsc") };
  const clip = await loadSharedClip(db(), token, counting);
  if (clip) return { kind: "clip", clip };
  const film = await loadSharedFilm(db(), token, counting);
  return film ? { kind: "film", film } : null;
});

export async function generateMetadata({ params }: { params: Promise<{ token: string }> }): Promise<Metadata> {
  const { t, locale } = await getT();
  return shareMetadata(await loadShared((await params).token), t, locale, publicOriginOfPage(await headers()));
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-zinc-200 py-1.5 text-sm last:border-0 dark:border-zinc-800">
      <dt className="text-zinc-700 dark:text-zinc-300">{label}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

/** A shared film export: the film plays from its signed URL (Range), with its title and length. */
async function SharedFilm({ film }: { film: SharedFilmView }) {
  const { t } = await getT();
  const { when } = await getFormatTime();
  const created = when(film.createdAt, "longDate");
  return (
    <article aria-labelledby="share-title" className="flex flex-col gap-5" data-testid="share-page">
      <h1 id="share-title" className="break-words text-2xl font-semibold">
        {film.title}
      </h1>
      <video
        controls
        playsInline
        preload="metadata"
        poster={film.posterUrl ?? undefined}
        src={film.videoUrl}
        aria-label={t("share.page.filmVideoLabel", { title: film.title })}
        style={aspectBoxStyle(frameSizeOf(film.width, film.height), PLAYER_MAX_HEIGHT)}
        className="mx-auto rounded-lg bg-black object-contain"
        data-testid="share-video"
      >
        {/* Captions, when the film has them, are burnt into the picture. */}
        <track kind="captions" />
      </video>
      <section aria-labelledby="share-details">
        <h2 id="share-details" className="mb-1 text-sm font-semibold">
          {t("share.page.details")}
        </h2>
        <dl className="max-w-md">
          <Row label={t("share.page.mode")}>{t("share.page.filmKind")}</Row>
          {film.width !== null && film.height !== null && <Row label={t("share.page.size")}>{`${film.width}×${film.height}`}</Row>}
          {film.durationMs !== null && <Row label={t("share.page.duration")}>{t("share.page.seconds", { n: Math.round(film.durationMs / 100) / 10 })}</Row>}
          <Row label={t("share.page.created")}>{created}</Row>
        </dl>
      </section>
    </article>
  );
}

export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const shared = await loadShared((await params).token);
  if (!shared) notFound();
  if (shared.kind === "film") return <SharedFilm film={shared.film} />;
  const { clip } = shared;
  const { t } = await getT();
  const { when } = await getFormatTime();
  const created = when(clip.createdAt, "longDate");
  return (
    <article aria-labelledby="share-title" className="flex flex-col gap-5" data-testid="share-page">
      <h1 id="share-title" className="text-2xl font-semibold">
        {t("share.page.title")}
      </h1>
      <video
        controls
        playsInline
        preload="metadata"
        poster={clip.posterUrl ?? undefined}
        src={clip.videoUrl}
        aria-label={t("share.page.videoLabel")}
        style={aspectBoxStyle(frameSizeOf(clip.width, clip.height), PLAYER_MAX_HEIGHT)}
        className="mx-auto rounded-lg bg-black object-contain"
        data-testid="share-video"
      >
        {/* Generated clips have no speech to caption. */}
        <track kind="captions" />
      </video>
      {clip.downloadUrl && (
        <a
          href={clip.downloadUrl}
          download
          className="self-start rounded-md bg-indigo-700 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-800 dark:bg-indigo-300 dark:text-zinc-950 dark:hover:bg-indigo-200"
          data-testid="share-download"
        >
          {t("share.page.download")}
        </a>
      )}
      {clip.prompt !== null && clip.prompt !== "" && (
        <section aria-labelledby="share-prompt" className="flex flex-col gap-1">
          <h2 id="share-prompt" className="text-sm font-semibold">
            {t("share.page.prompt")}
          </h2>
          <p className="whitespace-pre-wrap break-words text-base" data-testid="share-prompt">
            {clip.prompt}
          </p>
        </section>
      )}
      <section aria-labelledby="share-details">
        <h2 id="share-details" className="mb-1 text-sm font-semibold">
          {t("share.page.details")}
        </h2>
        <dl className="max-w-md">
          <Row label={t("share.page.mode")}>{t(MODE_LABEL_KEY[clip.mode])}</Row>
          {clip.aspectRatio && <Row label={t("share.page.aspect")}>{clip.aspectRatio}</Row>}
          {clip.durationMs !== null && <Row label={t("share.page.duration")}>{t("share.page.seconds", { n: Math.round(clip.durationMs / 100) / 10 })}</Row>}
          <Row label={t("share.page.created")}>{created}</Row>
        </dl>
      </section>
    </article>
  );
}
