"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useSteadyMediaSrc } from "@/lib/client/steady-media-src";
import { aspectBoxStyle, clipFrameSize } from "@/lib/shared/clip-aspect";
import type { GenerationView } from "@/lib/shared/generation-view";

/** The tallest a card's picture gets: a portrait clip narrows instead of stretching the card. */
const CARD_MAX_HEIGHT = "24rem";

/**
 * The picture area of a card, at the clip's shape (known before the video: the asked ratio or the
 * start frame), so a card keeps its size as the clip moves through its states: the player when
 * stored, else the input frame (image modes) or a quiet placeholder.
 */
export function ClipMedia({ clip, label }: { clip: GenerationView; label: string }) {
  const { t } = useI18n();
  const box = aspectBoxStyle(clipFrameSize(clip), CARD_MAX_HEIGHT);
  const video = clip.media.video;
  // The live list sends the clip again (its poster, its preview) with freshly signed URLs: a player
  // that took each as its src would reload and rewind mid-playback.
  const videoSrc = useSteadyMediaSrc(video?.url);
  const poster = clip.media.poster?.url ?? clip.media.cover?.url;
  if (clip.status === "STORED" && video) {
    return (
      <video
        controls
        preload="metadata"
        playsInline
        poster={poster}
        src={videoSrc}
        aria-label={label}
        style={box}
        className="mx-auto rounded-md bg-black object-contain"
        data-testid="clip-video"
      >
        <track kind="captions" />
      </video>
    );
  }
  const input = clip.inputs.slice().sort((a, b) => a.position - b.position);
  return (
    <div style={box} className="relative mx-auto flex items-center justify-center overflow-hidden rounded-md bg-zinc-100 dark:bg-zinc-900" data-testid="clip-placeholder">
      {input.length > 0 ? (
        <div className="flex h-full w-full gap-px">
          {input.map((i) => (
            // eslint-disable-next-line @next/next/no-img-element -- our own authorised media route, already small
            <img
              key={i.position}
              src={i.url}
              alt={t(i.position === 0 ? "studio.clip.inputStart" : "studio.clip.inputEnd")}
              className="h-full min-w-0 flex-1 object-cover opacity-70"
            />
          ))}
        </div>
      ) : (
        <span aria-hidden="true" className="text-4xl text-zinc-300 dark:text-zinc-700">
          ▶
        </span>
      )}
    </div>
  );
}
