"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { timecode } from "@/lib/client/format";
import { aspectBoxStyle, clipFrameSize } from "@/lib/shared/clip-aspect";
import type { GenerationView } from "@/lib/shared/generation-view";

/** Each player at its clip's shape, no taller than this: two portrait takes fit side by side. */
const PLAYER_MAX_HEIGHT = "60vh";
/** How far (s) the second player may drift from the first while both play before it is put back. */
const MAX_DRIFT_S = 0.15;

/**
 * Two takes side by side under one set of controls (the studio's take groups, a film shot's takes):
 * play, pause and seek move both players, so the same moment of each is on screen together. The
 * first player leads: the slider follows it, and the second is pulled back to it when it drifts.
 * The controls are a native button and slider (keyboard: Enter/Space, arrow keys), named for screen
 * readers; the players have no controls of their own, so nothing can move one without the other.
 */
export function CompareTakes({ a, b, labels }: { a: GenerationView; b: GenerationView; labels: string[] }) {
  const { t } = useI18n();
  const id = useId();
  const refs = [useRef<HTMLVideoElement>(null), useRef<HTMLVideoElement>(null)];
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(5);
  const both = (f: (v: HTMLVideoElement) => void) => refs.forEach((r) => r.current && f(r.current));

  useEffect(() => {
    const lead = refs[0]!.current;
    const follower = refs[1]!.current;
    if (!lead) return;
    const onTime = () => {
      setTime(lead.currentTime);
      if (follower && !lead.paused && Math.abs(follower.currentTime - lead.currentTime) > MAX_DRIFT_S) follower.currentTime = lead.currentTime;
    };
    const onMeta = () => Number.isFinite(lead.duration) && setDuration(lead.duration);
    const onEnd = () => {
      follower?.pause();
      setPlaying(false);
    };
    lead.addEventListener("timeupdate", onTime);
    lead.addEventListener("loadedmetadata", onMeta);
    lead.addEventListener("ended", onEnd);
    return () => {
      lead.removeEventListener("timeupdate", onTime);
      lead.removeEventListener("loadedmetadata", onMeta);
      lead.removeEventListener("ended", onEnd);
    };
    // The players are mounted once per pair; refs are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [a.id, b.id]);

  function toggle() {
    if (playing) {
      both((v) => v.pause());
      setPlaying(false);
    } else {
      const at = refs[0]!.current?.currentTime ?? 0;
      both((v) => {
        v.currentTime = at;
        void v.play().catch(() => setPlaying(false));
      });
      setPlaying(true);
    }
  }

  function seek(s: number) {
    both((v) => (v.currentTime = s));
    setTime(s);
  }

  return (
    <section aria-labelledby={`${id}-h`} className="flex flex-col gap-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-800" data-testid="compare">
      <h4 id={`${id}-h`} className="text-sm font-semibold">
        {t("takes.compare.title", { a: labels[0] ?? "", b: labels[1] ?? "" })}
      </h4>
      <div className="grid grid-cols-2 items-start gap-2">
        {[a, b].map((v, i) => (
          <figure key={v.id} className="flex min-w-0 flex-col gap-1">
            <video
              ref={refs[i]}
              src={v.media.video?.url}
              poster={v.media.poster?.url}
              preload="auto"
              playsInline
              muted={i === 1}
              aria-label={labels[i]}
              style={aspectBoxStyle(clipFrameSize(v), PLAYER_MAX_HEIGHT)}
              className="mx-auto rounded bg-black object-contain"
              data-testid="compare-video"
            >
              <track kind="captions" />
            </video>
            <figcaption className="text-center text-xs">{labels[i]}</figcaption>
          </figure>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" variant="secondary" onClick={toggle} data-testid="compare-play">
          {playing ? t("takes.compare.pause") : t("takes.compare.play")}
        </Button>
        <input
          type="range"
          min={0}
          max={duration}
          step={0.1}
          value={time}
          onChange={(e) => seek(Number(e.target.value))}
          aria-label={t("takes.compare.seek")}
          aria-valuetext={timecode(time * 1000)}
          className="min-w-0 flex-1"
          data-testid="compare-seek"
        />
        <span className="text-xs tabular-nums" aria-hidden="true">
          {timecode(time * 1000)}
        </span>
      </div>
    </section>
  );
}
