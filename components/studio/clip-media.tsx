"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { GenerationView } from "@/lib/shared/generation-view";

/**
 * The picture area of a card, always 16:9 so cards keep their size as a clip moves through its
 * states: the player when stored, else the input frame (image modes) or a quiet placeholder.
 */
export function ClipMedia({ clip, label }: { clip: GenerationView; label: string }) {
  const { t } = useI18n();
  const video = clip.media.video;
  const poster = clip.media.poster?.url ?? clip.media.cover?.url;
  if (clip.status === "STORED" && video) {
    return (
      <video
        controls
        preload="metadata"
        playsInline
        poster={poster}
        src={video.url}
        aria-label={label}
        className="aspect-video w-full rounded-md bg-black object-contain"
        data-testid="clip-video"
      >
        <track kind="captions" />
      </video>
    );
  }
  const input = clip.inputs.slice().sort((a, b) => a.position - b.position);
  return (
    <div className="relative flex aspect-video w-full items-center justify-center overflow-hidden rounded-md bg-zinc-100 dark:bg-zinc-900">
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
