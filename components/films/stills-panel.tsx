"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/client/api-error";
import { IntentKey } from "@/lib/client/idempotency";
import type { MessageKey } from "@/lib/i18n/translate";
import type { StillsList, StillView } from "@/lib/shared/film/still-views";
import { formatFen } from "@/lib/shared/money";
import { applyStill, listStills, makeStills } from "./film-api";
import { NoticeLine, useAction } from "./use-action";
import type { ShotPanelProps } from "./shot-panel-props";
import { FieldError } from "@/components/ui/field-error";

/** How often the list is read again while a still is being drawn or saved. */
const POLL_MS = 1500;

const FAILURE: Record<string, MessageKey> = {
  unsafe_content: "stills.error.unsafe_content",
  unconfirmed: "stills.error.unconfirmed",
  expired: "stills.error.expired",
};

const control = "rounded-md border border-zinc-400 bg-white px-3 py-2 text-sm dark:border-zinc-600 dark:bg-zinc-900";

/**
 * The shot's stills (CogView): try the look as 1–4 cheap images at the film's shape (price on the
 * button), watch them arrive, and use one as the shot's first frame (image→video) or end frame.
 */
export function StillsPanel({ shot, canEdit, onFilm }: Pick<ShotPanelProps, "shot" | "canEdit" | "onFilm">) {
  const { locale, t } = useI18n();
  const id = useId();
  const { run, notice, busy, errorText } = useAction();
  const [count, setCount] = useState(1);
  const [prompt, setPrompt] = useState("");
  const [data, setData] = useState<StillsList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const intent = useRef(new IntentKey());

  // Read again on each tick while a still is being drawn or saved (and once on mount).
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    listStills(shot.id).then(
      (d) => live && (setData(d), setLoadError(null)),
      (e: unknown) => live && setLoadError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [errorText, shot.id, tick]);

  const working = data?.items.some((s) => s.state === "pending" || s.state === "storing") ?? false;
  useEffect(() => {
    if (!working) return;
    const timer = setInterval(() => setTick((n) => n + 1), POLL_MS);
    return () => clearInterval(timer);
  }, [working]);

  async function make() {
    const key = intent.current.for({ shot: shot.id, count, prompt });
    setFieldErrors({});
    const r = await run(
      "stills.making",
      (x: { created: number }) => t("stills.made", { count: x.created }),
      () => makeStills(shot.id, count, prompt, key),
      (e) => {
        // A refused field is shown next to it (and the notice says why in general).
        if (e instanceof ApiError && e.fields.length > 0) setFieldErrors(Object.fromEntries(e.fields.map((f) => [f.path, f.messages?.[locale] ?? f.message])));
        return false;
      },
    );
    if (!r) return;
    intent.current.reset();
    setData(r);
  }

  async function applyAs(still: StillView, frame: "start" | "end") {
    const r = await run("films.busy.saving", () => t(frame === "start" ? "stills.used.start" : "stills.used.end"), () => applyStill(shot.id, still.id, frame));
    if (r) onFilm(r.film);
  }

  const unit = data?.unitFen;
  const frame = data?.frame ?? { width: 16, height: 9 };
  return (
    <section aria-labelledby={`${id}-h`} className="flex flex-col gap-3" data-testid="stills-panel">
      <h3 id={`${id}-h`} className="text-base font-semibold">
        {t("stills.title")}
      </h3>
      {data && <p className="text-xs text-zinc-700 dark:text-zinc-300">{t("stills.hint", { size: data.size, frame: `${data.frame.width}×${data.frame.height}` })}</p>}
      {canEdit && (
        <div className="flex flex-col gap-2">
          <label htmlFor={`${id}-prompt`} className="text-sm font-medium">
            {t("stills.prompt")}
          </label>
          <textarea
            id={`${id}-prompt`}
            rows={2}
            value={prompt}
            placeholder={shot.prompt}
            onChange={(e) => setPrompt(e.target.value)}
            className={control}
            aria-invalid={fieldErrors.prompt ? true : undefined}
            aria-describedby={fieldErrors.prompt ? `${id}-prompt-error` : undefined}
          />
          {fieldErrors.prompt && (
            <FieldError id={`${id}-prompt-error`}>{fieldErrors.prompt}</FieldError>
          )}
          <div className="flex flex-wrap items-end gap-2">
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-count`} className="text-sm font-medium">
                {t("stills.count")}
              </label>
              <select
                id={`${id}-count`}
                value={count}
                onChange={(e) => setCount(Number(e.target.value))}
                className={control}
                aria-invalid={fieldErrors.count ? true : undefined}
                aria-describedby={fieldErrors.count ? `${id}-count-error` : undefined}
              >
                {[1, 2, 3, 4].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              {fieldErrors.count && (
                <FieldError id={`${id}-count-error`}>{fieldErrors.count}</FieldError>
              )}
            </div>
            <Button type="button" onClick={() => void make()} disabled={busy || unit === undefined} data-testid="make-stills">
              {t("stills.make", { count, cost: formatFen((unit ?? 0) * count) })}
            </Button>
          </div>
        </div>
      )}
      <NoticeLine notice={notice} testId="stills-notice" />
      {loadError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t("stills.loadFailed")} {loadError}
        </p>
      )}
      {data && data.items.length === 0 && <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("stills.none")}</p>}
      {data && data.items.length > 0 && (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid="still-list" aria-live="polite">
          {data.items.map((still, i) => {
            const n = data.items.length - i;
            const asStart = still.uploadId !== null && shot.start?.kind === "still" && shot.start.uploadId === still.uploadId;
            const asEnd = still.uploadId !== null && shot.end?.kind === "still" && shot.end.uploadId === still.uploadId;
            return (
              <li key={still.id} className="flex min-w-0 flex-col gap-1.5 rounded-md border border-zinc-200 p-1.5 dark:border-zinc-800" data-testid="still" data-state={still.state}>
                <div className="overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800" style={{ aspectRatio: `${frame.width} / ${frame.height}` }}>
                  {still.url ? (
                    // eslint-disable-next-line @next/next/no-img-element -- an authenticated upload, served by our route
                    <img src={still.url} alt={t("stills.alt", { prompt: still.prompt })} className="h-full w-full object-cover" loading="lazy" />
                  ) : (
                    <span className="flex h-full items-center justify-center text-xs text-zinc-700 dark:text-zinc-300">{t(`stills.state.${still.state}`)}</span>
                  )}
                </div>
                <div className="flex flex-wrap items-center gap-x-2 text-xs text-zinc-700 dark:text-zinc-300">
                  <span className="font-semibold">{t("stills.name", { n })}</span>
                  <span>{t(`stills.state.${still.state}`)}</span>
                  <span>{t("stills.cost", { cost: formatFen(still.costFen) })}</span>
                  {asStart && <span className="font-semibold text-emerald-800 dark:text-emerald-300">{t("stills.inUse.start")}</span>}
                  {asEnd && <span className="font-semibold text-emerald-800 dark:text-emerald-300">{t("stills.inUse.end")}</span>}
                </div>
                {still.state === "failed" && (
                  <p className="text-xs text-red-700 dark:text-red-400">{t(FAILURE[still.errorCode ?? ""] ?? "stills.error.other", { code: still.errorCode ?? "unknown" })}</p>
                )}
                {canEdit && still.state === "ready" && (
                  <div className="flex flex-wrap gap-1.5">
                    <Button type="button" variant="secondary" className="!px-2 !py-1 text-xs" disabled={busy || asStart} aria-label={t("stills.useStartOf", { n })} onClick={() => void applyAs(still, "start")}>
                      {t("stills.useStart")}
                    </Button>
                    <Button type="button" variant="secondary" className="!px-2 !py-1 text-xs" disabled={busy || asEnd} aria-label={t("stills.useEndOf", { n })} onClick={() => void applyAs(still, "end")}>
                      {t("stills.useEnd")}
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
