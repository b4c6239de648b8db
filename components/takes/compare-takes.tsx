"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { timecode } from "@/lib/client/format";
import { useSteadyMediaSrc } from "@/lib/client/steady-media-src";
import { aspectBoxStyle, clipFrameSize } from "@/lib/shared/clip-aspect";
import type { GenerationView } from "@/lib/shared/generation-view";

/** Each player at its clip's shape, no taller than this: two portrait takes fit side by side. */
const PLAYER_MAX_HEIGHT = "60vh";
/** How far (s) the second player may drift from the first while both play before it is put back. */
const MAX_DRIFT_S = 0.15;
/** Closer than this (s) counts as "at the shared position" (float rounding of currentTime). */
const AT_POSITION_S = 0.01;

/**
 * Two takes side by side under one set of controls (the studio's take groups, a film shot's takes):
 * play, pause and seek move both players, so the same moment of each is on screen together. The
 * first player leads: the slider follows it, and the second is pulled back to it when it drifts.
 * The controls are a native button and slider (keyboard: Enter/Space, arrow keys), named for screen
 * readers; the players have no controls of their own, so nothing can move one without the other.
 *
 * While paused, one shared position (a ref) is the truth, not the players: a seek sets it and both
 * players, and a player whose media is not ready yet (or reloads) is put there when its metadata
 * arrives; the lead's own timeupdate events, which trail each seek, never move the slider back. The
 * drift correction runs only while both play and neither is mid-seek: re-seeking a player that is
 * still seeking under load restarts its seek on every timeupdate, so it never catches up. A take's
 * view changes after it is stored (its poster and preview arrive) and may carry a re-signed URL of the
 * same video: the player keeps the URL it has (useSteadyMediaSrc), since a new src reloads it at 0, paused.
 */
export function CompareTakes({ a, b, labels }: { a: GenerationView; b: GenerationView; labels: string[] }) {
  const { t } = useI18n();
  const id = useId();
  const refs = [useRef<HTMLVideoElement>(null), useRef<HTMLVideoElement>(null)];
  const position = useRef(0);
  /** Whether both should be playing (what the button says), for the media event handlers. */
  const playingNow = useRef(false);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(5);
  const srcs = [useSteadyMediaSrc(a.media.video?.url), useSteadyMediaSrc(b.media.video?.url)];
  const both = (f: (v: HTMLVideoElement) => void) => refs.forEach((r) => r.current && f(r.current));

  useEffect(() => {
    const lead = refs[0]!.current;
    const follower = refs[1]!.current;
    if (!lead || !follower) return;
    const onTime = () => {
      if (lead.paused) return;
      position.current = lead.currentTime;
      setTime(lead.currentTime);
      if (!follower.paused && !follower.seeking && !lead.seeking && Math.abs(follower.currentTime - lead.currentTime) > MAX_DRIFT_S) follower.currentTime = lead.currentTime;
    };
    const onDuration = () => Number.isFinite(lead.duration) && setDuration(lead.duration);
    // Metadata that arrives after a seek, or after a reload (a new src), starts the player at 0 and
    // paused: put it back at the shared position, or with the lead and playing if both are playing.
    const onMeta = (e: Event) => {
      const v = e.currentTarget as HTMLVideoElement;
      const at = playingNow.current && v !== lead ? lead.currentTime : position.current;
      if (Math.abs(v.currentTime - at) > AT_POSITION_S) v.currentTime = at;
      if (playingNow.current && v.paused) void v.play().catch(() => undefined);
    };
    const onEnd = () => {
      follower.pause();
      position.current = lead.currentTime;
      playingNow.current = false;
      setPlaying(false);
    };
    if (lead.readyState >= HTMLMediaElement.HAVE_METADATA) onDuration(); // metadata came before this effect
    lead.addEventListener("timeupdate", onTime);
    lead.addEventListener("durationchange", onDuration);
    lead.addEventListener("ended", onEnd);
    for (const v of [lead, follower]) v.addEventListener("loadedmetadata", onMeta);
    return () => {
      lead.removeEventListener("timeupdate", onTime);
      lead.removeEventListener("durationchange", onDuration);
      lead.removeEventListener("ended", onEnd);
      for (const v of [lead, follower]) v.removeEventListener("loadedmetadata", onMeta);
    };
    // The players are mounted once per pair; refs are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [a.id, b.id]);

  function toggle() {
    const lead = refs[0]!.current;
    if (playing) {
      both((v) => v.pause());
      // Both stop on the lead's frame: the follower may have been a little behind or ahead.
      const at = lead?.currentTime ?? position.current;
      position.current = at;
      both((v) => {
        if (v !== lead) v.currentTime = at;
      });
      setTime(at);
      playingNow.current = false;
      setPlaying(false);
    } else {
      const at = position.current;
      both((v) => {
        if (Math.abs(v.currentTime - at) > AT_POSITION_S) v.currentTime = at;
        void v.play().catch((err: unknown) => {
          // A pause before playback began rejects with AbortError: nothing to undo. Any other refusal
          // (autoplay blocked, unplayable media) means one cannot play: stop both so they stay together.
          if (err instanceof DOMException && err.name === "AbortError") return;
          both((x) => x.pause());
          playingNow.current = false;
          setPlaying(false);
        });
      });
      playingNow.current = true;
      setPlaying(true);
    }
  }

  function seek(s: number) {
    position.current = s;
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
              src={srcs[i]}
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
