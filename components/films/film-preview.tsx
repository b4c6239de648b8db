"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { type Cut, FILM_FPS, filmFrames, placeClips } from "@/lib/shared/film/cut";
import type { FilmView } from "@/lib/shared/film/film-views";
import type { GenerationView } from "@/lib/shared/generation-view";
import { getCut, getTake } from "./film-api";
import { timecode } from "@/lib/client/format";
import { framesToSeconds, trimmedFrames } from "./shot-format";
import { useAction } from "./use-action";

interface Clip {
  shotId: string;
  url: string;
  inS: number;
  outS: number;
}

/**
 * The whole film from the chosen takes in order, trims applied: one <video> per clip, the next shown
 * and started when the current reaches its trim out (transitions are the export's; here every join is
 * a cut). The timeline shows each shot's length and the total.
 */
export function FilmPreview({ film, takes }: { film: FilmView; takes: ReadonlyMap<string, GenerationView> }) {
  const { t } = useI18n();
  const id = useId();
  const { run, notice, busy } = useAction();
  const [clips, setClips] = useState<Clip[] | null>(null);
  const [cut, setCut] = useState<Cut | null>(null);
  const [index, setIndex] = useState(-1);
  const [state, setState] = useState<"idle" | "playing" | "paused" | "ended">("idle");
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const startWhenLoaded = useRef(false);

  // A changed film (order, trims, chosen takes) makes the loaded playlist stale.
  const signature = film.shots.map((s) => `${s.id}:${s.chosenTakeId}:${s.trimIn}:${s.trimOut}`).join("|");
  const [loadedFor, setLoadedFor] = useState("");
  const stale = clips !== null && loadedFor !== signature;

  async function load(): Promise<void> {
    const r = await run(
      "films.preview.loading",
      () => t("films.preview.ready"),
      async () => {
        const c = await getCut(film.id);
        const list = await Promise.all(
          c.cut.clips.map(async (clip) => {
            const takeId = c.takes[clip.shotId]!;
            const v = takes.get(takeId) ?? (await getTake(takeId));
            return { shotId: clip.shotId, url: v.media.video?.url ?? "", inS: clip.inFrame / FILM_FPS, outS: clip.outFrame / FILM_FPS };
          }),
        );
        return { cut: c.cut, list };
      },
    );
    if (!r) {
      startWhenLoaded.current = false;
      return;
    }
    setCut(r.cut);
    setClips(r.list);
    setLoadedFor(signature);
  }

  function start(i: number, list: Clip[]) {
    const clip = list[i];
    const v = videos.current[i];
    videos.current.forEach((o, j) => j !== i && o?.pause());
    if (!clip || !v) {
      setState("ended");
      setIndex(-1);
      return;
    }
    setIndex(i);
    setState("playing");
    v.currentTime = clip.inS;
    void v.play().catch(() => setState("paused"));
  }

  async function play() {
    if (state === "playing") {
      videos.current[index]?.pause();
      setState("paused");
      return;
    }
    if (state === "paused" && !stale && clips) {
      void videos.current[index]?.play();
      setState("playing");
      return;
    }
    if (!clips || stale) {
      // The players of a freshly loaded cut exist only after the next render: start from there.
      startWhenLoaded.current = true;
      await load();
    } else start(0, clips);
  }

  useEffect(() => {
    if (!startWhenLoaded.current || !clips) return;
    startWhenLoaded.current = false;
    start(0, clips);
    // start is recreated each render; this runs once per loaded cut.
  }, [clips]);

  // Reaching the trim out of the current clip switches to the next.
  useEffect(() => {
    if (state !== "playing" || !clips) return;
    const v = videos.current[index];
    const clip = clips[index];
    if (!v || !clip) return;
    const check = () => {
      if (v.currentTime >= clip.outS - 0.02 || v.ended) start(index + 1, clips);
    };
    v.addEventListener("timeupdate", check);
    v.addEventListener("ended", check);
    return () => {
      v.removeEventListener("timeupdate", check);
      v.removeEventListener("ended", check);
    };
    // start is recreated each render; the effect follows the clip being played.
  }, [state, index, clips]);

  const totalFrames = cut && !stale ? filmFrames(cut) : film.shots.reduce((n, s) => n + trimmedFrames(s), 0);
  const placed = cut && !stale ? placeClips(cut) : null;
  const frameAspect = film.aspect === "9:16" ? "aspect-[9/16] max-h-[70vh]" : film.aspect === "1:1" ? "aspect-square max-h-[70vh]" : "aspect-video";
  return (
    <section aria-labelledby={`${id}-h`} className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800" data-testid="film-preview">
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        {t("films.preview.title")}
      </h2>
      <div className={`relative mx-auto w-full max-w-3xl overflow-hidden rounded bg-black ${frameAspect}`}>
        {(clips ?? []).map((c, i) => (
          <video
            key={`${c.shotId}-${i}`}
            ref={(el) => {
              videos.current[i] = el;
            }}
            src={c.url}
            preload="auto"
            playsInline
            aria-label={t("films.preview.clip", { n: i + 1 })}
            aria-hidden={i !== index}
            className={`absolute inset-0 h-full w-full object-contain ${i === index ? "" : "invisible"}`}
            data-testid="preview-video"
            data-current={i === index ? "true" : "false"}
          >
            <track kind="captions" />
          </video>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={() => void play()} disabled={busy || film.shots.length === 0} data-testid="preview-play" data-state={state}>
          {state === "playing" ? t("films.preview.pause") : t("films.preview.play")}
        </Button>
        <span className="text-sm" aria-live="polite" data-testid="preview-now">
          {index >= 0 ? t("films.preview.now", { n: index + 1, count: clips?.length ?? 0 }) : state === "ended" ? t("films.preview.ended") : ""}
        </span>
        {notice?.tone === "error" && <span className="text-sm text-red-700 dark:text-red-400">{notice.text}</span>}
      </div>
      <div className="flex flex-col gap-1">
        <ol className="flex h-10 w-full overflow-hidden rounded border border-zinc-300 dark:border-zinc-700" aria-label={t("films.preview.timeline")} data-testid="timeline">
          {film.shots.map((s, i) => {
            const frames = placed?.[i] ? placed[i].recordOut - placed[i].recordIn : trimmedFrames(s);
            return (
              <li
                key={s.id}
                style={{ flexGrow: Math.max(1, frames) }}
                className={`flex min-w-0 basis-0 items-center justify-center truncate border-r border-zinc-300 px-1 text-xs last:border-r-0 dark:border-zinc-700 ${
                  i === index ? "bg-indigo-200 font-semibold text-indigo-950 dark:bg-indigo-800 dark:text-indigo-50" : "bg-zinc-100 dark:bg-zinc-900"
                }`}
                data-testid="timeline-shot"
              >
                <span className="sr-only">{t("films.shot.name", { n: i + 1 })}: </span>
                {framesToSeconds(frames)}
              </li>
            );
          })}
        </ol>
        <p className="text-sm" data-testid="film-total">
          {t("films.preview.total", { duration: timecode((totalFrames / FILM_FPS) * 1000) })}
        </p>
      </div>
    </section>
  );
}
