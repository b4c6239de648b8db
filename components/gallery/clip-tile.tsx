"use client";
import { MODE_LABEL_KEY } from "@/lib/shared/generation-mode";
import { useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { StatusChip } from "@/components/studio/status-chip";
import { formatClock } from "@/lib/client/format";
import { aspectBoxStyle, clipFrameSize } from "@/lib/shared/clip-aspect";
import type { GenerationView } from "@/lib/shared/generation-view";
import { relativeTime } from "./format-time";

/** A portrait tile narrows at this height instead of cropping its poster to the row's shape. */
const TILE_MAX_HEIGHT = "16rem";


/**
 * One clip in the grid. The preview <video> has no src and preload="none" until the pointer or
 * focus is on the tile (or a touch tap asks for it), so browsing fetches posters only.
 */
export function ClipTile({
  clip,
  index,
  now,
  active,
  selected,
  onOpen,
  onSelect,
  onFocusTile,
}: {
  clip: GenerationView;
  index: number;
  now: number;
  active: boolean;
  selected: boolean;
  onOpen: (id: string) => void;
  onSelect: (index: number, shift: boolean) => void;
  onFocusTile: (index: number) => void;
}) {
  const { locale, t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [previewing, setPreviewing] = useState(false);
  const touchTapped = useRef(false);
  const preview = clip.media.preview?.url;
  const still = clip.media.poster?.url ?? clip.media.cover?.url;
  const title = clip.prompt || t("gallery.card.untitled");
  const duration = clip.media.video?.durationMs;
  const failed = clip.errorMessage !== null;

  function start() {
    const v = video.current;
    if (!v || !preview) return;
    if (!v.src) v.src = preview;
    setPreviewing(true);
    void v.play().catch(() => setPreviewing(false));
  }
  function stop() {
    const v = video.current;
    setPreviewing(false);
    if (!v) return;
    v.pause();
    v.removeAttribute("src");
    v.load();
  }

  return (
    <li
      // The focus ring is the tile's own outline: drawn outside its rounded, clipped box, so it is not cut
      // to a thin line by overflow-hidden (which the link's own ring was).
      className={`group relative flex flex-col overflow-hidden rounded-xl border bg-white shadow-sm has-[>a:focus-visible]:outline-3 has-[>a:focus-visible]:outline-offset-2 has-[>a:focus-visible]:outline-indigo-600 dark:bg-zinc-900 dark:has-[>a:focus-visible]:outline-indigo-300 ${
        selected ? "border-indigo-600 ring-2 ring-indigo-600 dark:border-indigo-300 dark:ring-indigo-300" : "border-zinc-200 dark:border-zinc-800"
      }`}
      data-testid="gallery-card"
      data-id={clip.id}
      data-status={clip.status}
      onMouseEnter={start}
      onMouseLeave={stop}
    >
      <a
        href={`/gallery/${clip.id}`}
        tabIndex={active ? 0 : -1}
        data-card-index={index}
        onFocus={() => {
          onFocusTile(index);
          start();
        }}
        onBlur={stop}
        onPointerDown={(e) => {
          touchTapped.current = e.pointerType === "touch";
        }}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          // First tap on a touch screen plays the preview; the second opens the clip.
          if (touchTapped.current && preview && !previewing) {
            start();
            return;
          }
          onOpen(clip.id);
        }}
        className="flex flex-col outline-none"
      >
        <div className="flex justify-center bg-zinc-100 dark:bg-zinc-950">
          <div className="relative bg-zinc-200 dark:bg-zinc-800" style={aspectBoxStyle(clipFrameSize(clip), TILE_MAX_HEIGHT)} data-testid="tile-media">
            {still ? (
              // eslint-disable-next-line @next/next/no-img-element -- our own media route, sized by CSS; next/image would proxy it
              <img src={still} alt="" loading="lazy" decoding="async" className="absolute inset-0 size-full object-cover" />
            ) : clip.derivatives === "pending" ? (
              // Playable already; the poster follows within seconds (the live stream swaps it in).
              <span
                role="img"
                aria-label={t("gallery.card.posterPending")}
                data-testid="poster-pending"
                className="absolute inset-0 flex animate-pulse items-center justify-center p-3 text-center text-sm text-zinc-700 motion-reduce:animate-none dark:text-zinc-300"
              >
                <span aria-hidden="true">{t("gallery.card.posterPending")}</span>
              </span>
            ) : (
              <span className="absolute inset-0 flex items-center justify-center p-3 text-center text-sm text-zinc-700 dark:text-zinc-300">
                {failed ? (clip.errorMessage?.[locale] ?? "") : clip.derivatives === "failed" ? t("gallery.card.posterFailed") : t("gallery.card.noPoster")}
              </span>
            )}
            {preview && (
              <video
                ref={video}
                muted
                loop
                playsInline
                preload="none"
                aria-hidden="true"
                tabIndex={-1}
                data-testid="tile-preview"
                className={`absolute inset-0 size-full object-cover transition-opacity ${previewing ? "opacity-100" : "opacity-0"}`}
              />
            )}
            <span className="absolute left-2 top-2 rounded bg-black/75 px-1.5 py-0.5 text-xs font-medium text-white">{t(MODE_LABEL_KEY[clip.mode])}</span>
            {duration ? (
              <span className="absolute bottom-2 right-2 rounded bg-black/75 px-1.5 py-0.5 text-xs font-medium tabular-nums text-white">
                <span className="sr-only">{t("gallery.card.duration", { time: formatClock(duration) })}</span>
                <span aria-hidden="true">{formatClock(duration)}</span>
              </span>
            ) : null}
            {clip.favourite && (
              <span className="absolute right-2 top-2 rounded-full bg-black/75 px-1.5 text-sm text-amber-300" title={t("gallery.card.favourite")}>
                <span aria-hidden="true">★</span>
                <span className="sr-only">{t("gallery.card.favourite")}</span>
              </span>
            )}
          </div>

        </div>
        <div className="flex flex-col gap-1 p-3">
          <p className="line-clamp-2 text-sm font-medium text-zinc-900 dark:text-zinc-100" data-testid="card-prompt">
            {title}
          </p>
          {failed && still && <p className="line-clamp-2 text-xs text-red-800 dark:text-red-300">{clip.errorMessage?.[locale]}</p>}
        </div>
      </a>
      <div className="mt-auto flex flex-wrap items-center gap-x-2 gap-y-1 px-3 pb-3 text-xs text-zinc-700 dark:text-zinc-300">
        <StatusChip status={clip.status} />
        {clip.creator && <span>{t("gallery.card.by", { name: clip.creator.name })}</span>}
        <time dateTime={clip.createdAt} title={clip.createdAt}>
          {relativeTime(clip.createdAt, locale, now, t("gallery.time.justNow"))}
        </time>
        {clip.tags?.map((tag) => (
          <span key={tag} className="rounded bg-zinc-100 px-1.5 py-0.5 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
            #{tag}
          </span>
        ))}
        <label className="ml-auto flex min-h-8 min-w-8 cursor-pointer items-center justify-center">
          <input
            type="checkbox"
            checked={selected}
            onChange={() => {}}
            onClick={(e) => onSelect(index, e.shiftKey)}
            aria-label={t("gallery.card.select", { prompt: title })}
            className="size-5 accent-indigo-700"
            data-testid="card-select"
          />
        </label>
      </div>
    </li>
  );
}
