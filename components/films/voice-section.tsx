"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/client/api-error";
import { IntentKey } from "@/lib/client/idempotency";
import { captionLines } from "@/lib/shared/film/caption-text";
import { SPEAKER_MAX_CHARS, type VoiceView } from "@/lib/shared/film/voice";
import { formatFen } from "@/lib/shared/money";
import { DEFAULT_SPEECH_VOICE, SPEECH_VOICES } from "@/lib/shared/upstream/speech-models";
import { getFilm, getShotVoice, removeShotVoice, speakShot } from "./film-api";
import type { ShotPanelProps } from "./shot-panel-props";
import { NoticeLine, useAction } from "./use-action";
import { VoiceOverflowNote } from "./voice-overflow";
import { FieldError } from "@/components/ui/field-error";

const POLL_MS = 1_000;
const SPEEDS = [0.75, 1, 1.25, 1.5] as const;
const control = "rounded-md border border-zinc-400 bg-white px-3 py-2 text-base dark:border-zinc-600 dark:bg-zinc-900";

/**
 * The shot's voice-over: who speaks its caption, with which voice and speed, the Speak button with
 * its price, the line's status while it is spoken, a player to preview it, and the flags that matter
 * before export (the caption changed since; the line runs longer than the shot).
 */
export function VoiceSection({ film, shot, canEdit, onFilm }: Omit<ShotPanelProps, "takes">) {
  const { locale, t } = useI18n();
  const id = useId();
  const { run, notice, busy } = useAction();
  const current = shot.voice;
  const [speaker, setSpeaker] = useState(shot.speaker ?? "");
  const [voice, setVoice] = useState<string>(current?.voice ?? (shot.speaker ? film.voiceCast[shot.speaker] : undefined) ?? DEFAULT_SPEECH_VOICE);
  const [speed, setSpeed] = useState<number>(current?.speed ?? 1);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const intent = useRef(new IntentKey());
  const hasLine = captionLines(shot.caption) !== null;

  // While the line is being spoken, ask for its state; once it has ended, read the film again.
  const pending = current?.status === "pending";
  useEffect(() => {
    if (!pending) return;
    let live = true;
    const timer = setInterval(() => {
      void getShotVoice(shot.id)
        .then(async (r) => {
          if (!live || r.voice?.status === "pending") return;
          const f = await getFilm(film.id);
          if (live) onFilm(f.film);
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [film.id, onFilm, pending, shot.id]);

  function chooseSpeaker(name: string) {
    setSpeaker(name);
    const cast = film.voiceCast[name.trim()];
    if (cast) setVoice(cast);
  }

  async function speak() {
    const body = { voice, speaker: speaker.trim() || null, speed };
    const key = intent.current.for({ shot: shot.id, caption: shot.caption, ...body });
    setFieldErrors({});
    const r = await run(
      "voice.pending",
      () => t("voice.queued"),
      () => speakShot(shot.id, body, key),
      (e) => {
        if (e instanceof ApiError) setFieldErrors(Object.fromEntries(e.fields.map((f) => [f.path, f.messages?.[locale] ?? f.message])));
        return false;
      },
    );
    if (!r) return;
    intent.current.reset();
    const f = await getFilm(film.id).catch(() => null);
    if (f) onFilm(f.film);
  }

  async function remove() {
    const r = await run("films.busy.saving", () => t("voice.removed"), () => removeShotVoice(shot.id));
    if (!r) return;
    const f = await getFilm(film.id).catch(() => null);
    if (f) onFilm(f.film);
  }

  const speakers = Object.keys(film.voiceCast);
  const errorOf = (path: string) => fieldErrors[path];
  return (
    <section aria-labelledby={`${id}-h`} className="flex flex-col gap-3" data-testid="voice-section">
      <h3 id={`${id}-h`} className="text-base font-semibold">
        {t("voice.title")}
      </h3>
      {!hasLine && (
        <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="voice-no-line">
          {t("voice.no_line")}
        </p>
      )}
      {canEdit && hasLine && (
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor={`${id}-speaker`} className="text-sm font-medium">
              {t("voice.speaker")}
            </label>
            <input
              id={`${id}-speaker`}
              list={`${id}-speakers`}
              value={speaker}
              maxLength={SPEAKER_MAX_CHARS}
              onChange={(e) => chooseSpeaker(e.target.value)}
              aria-describedby={`${id}-speaker-hint${errorOf("speaker") ? ` ${id}-speaker-error` : ""}`}
              aria-invalid={errorOf("speaker") ? true : undefined}
              className={`${control} w-40`}
              data-testid="voice-speaker"
            />
            <datalist id={`${id}-speakers`}>
              {speakers.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <p id={`${id}-speaker-hint`} className="max-w-48 text-xs text-zinc-600 dark:text-zinc-400">
              {t("voice.speaker_hint")}
            </p>
            {errorOf("speaker") && (
              <FieldError id={`${id}-speaker-error`}>{errorOf("speaker")}</FieldError>
            )}
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-voice`} className="text-sm font-medium">
              {t("voice.voice")}
            </label>
            <select id={`${id}-voice`} value={voice} onChange={(e) => setVoice(e.target.value)} className={control} aria-invalid={errorOf("voice") ? true : undefined} data-testid="voice-voice">
              {SPEECH_VOICES.map((v) => (
                <option key={v} value={v}>
                  {t(`voice.voice.${v}`)}
                </option>
              ))}
            </select>
            {errorOf("voice") && <p className="text-sm text-red-700 dark:text-red-400">{errorOf("voice")}</p>}
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-speed`} className="text-sm font-medium">
              {t("voice.speed")}
            </label>
            <select id={`${id}-speed`} value={speed} onChange={(e) => setSpeed(Number(e.target.value))} className={control} data-testid="voice-speed">
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {`${s}×`}
                </option>
              ))}
            </select>
            {errorOf("speed") && <p className="text-sm text-red-700 dark:text-red-400">{errorOf("speed")}</p>}
          </div>
          <Button type="button" onClick={() => void speak()} disabled={busy || pending} data-testid="voice-speak">
            {t(current ? "voice.speak_again" : "voice.speak", { price: formatFen(film.voicePriceFen) })}
          </Button>
        </div>
      )}
      <NoticeLine notice={notice} testId="voice-notice" />
      {current && <VoiceState voice={current} canEdit={canEdit} busy={busy} onRemove={() => void remove()} />}
    </section>
  );
}

function VoiceState({ voice, canEdit, busy, onRemove }: { voice: VoiceView; canEdit: boolean; busy: boolean; onRemove: () => void }) {
  const { t } = useI18n();
  const failure = voice.errorCode === "unsafe_content" ? t("voice.failed_unsafe") : voice.errorCode === "unconfirmed" ? t("voice.failed_unconfirmed") : t("voice.failed", { code: voice.errorCode ?? "unknown" });
  return (
    <div className="flex flex-col gap-2" data-testid="voice-state" data-status={voice.status}>
      <p role="status" className={`text-sm ${voice.status === "failed" ? "text-red-700 dark:text-red-400" : "text-zinc-800 dark:text-zinc-200"}`}>
        {voice.status === "pending"
          ? t("voice.pending")
          : voice.status === "done"
            ? t("voice.done", { seconds: ((voice.durationMs ?? 0) / 1000).toFixed(1), voice: t(`voice.voice.${voice.voice as (typeof SPEECH_VOICES)[number]}`) })
            : failure}
      </p>
      {voice.audioUrl && (
        // The line itself is the caption shown above; there is nothing else to caption.
        // eslint-disable-next-line jsx-a11y/media-has-caption
        <audio controls preload="metadata" src={voice.audioUrl} aria-label={t("voice.preview")} className="w-full max-w-md" data-testid="voice-audio" />
      )}
      {voice.stale && (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-testid="voice-stale">
          {t("voice.stale")}
        </p>
      )}
      <VoiceOverflowNote seconds={voice.overflowSeconds} />
      {canEdit && voice.status !== "pending" && (
        <div>
          <Button type="button" variant="secondary" disabled={busy} onClick={onRemove} data-testid="voice-remove">
            {t("voice.remove")}
          </Button>
        </div>
      )}
    </div>
  );
}
