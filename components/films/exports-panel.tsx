"use client";
import { useCallback, useEffect, useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatBytes, formatClock } from "@/lib/client/format";
import type { FilmExportView } from "@/lib/shared/film/film-export-view";
import { cancelExport, deleteExport, handoffUrl, listExports, shareExport, startExport } from "./film-api";
import { TimecodedPlayer } from "./timecoded-player";
import { VoiceOverflowWarning, VoiceStaleWarning } from "./voice-overflow";
import { NoticeLine, useAction } from "./use-action";
import { commentsOn, useFilmComments } from "./use-film-comments";

const POLL_MS = 3_000;
const ACTIVE = new Set(["QUEUED", "RENDERING"]);

/** Renders of the film: start one (captions burnt in or not), watch its progress, play and comment at a time, download, cancel, delete. */
export function ExportsPanel({
  filmId,
  canEdit,
  voiceOverflows = [],
  staleVoices = [],
}: {
  filmId: string;
  canEdit: boolean;
  voiceOverflows?: { n: number; seconds: number }[];
  staleVoices?: number[];
}) {
  const { locale, t } = useI18n();
  const id = useId();
  const { run, notice, busy, errorText } = useAction();
  const [captions, setCaptions] = useState(true);
  const commentStore = useFilmComments(filmId);
  const [exports, setExports] = useState<FilmExportView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** Share URLs made in this view: the token is shown once, so the URL lives only here. */
  const [shared, setShared] = useState<Record<string, string>>({});

  const load = useCallback(async () => {
    try {
      setExports((await listExports(filmId)).exports);
      setLoadError(null);
    } catch (e) {
      setLoadError(errorText(e));
    }
  }, [errorText, filmId]);

  useEffect(() => {
    // load() sets state only after its fetch resolves.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);
  // Poll while a render is queued or running.
  const active = exports?.some((x) => ACTIVE.has(x.status)) ?? false;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [active, load]);

  async function start() {
    const r = await run("films.exports.starting", () => t("films.exports.started"), () => startExport(filmId, captions));
    if (r) setExports((xs) => [r.export, ...(xs ?? [])]);
  }
  async function act(x: FilmExportView, kind: "cancel" | "delete") {
    const r = await run(kind === "cancel" ? "films.exports.cancelling" : "films.exports.deleting", () => t(kind === "cancel" ? "films.exports.cancelled" : "films.exports.deleted"), () =>
      kind === "cancel" ? cancelExport(x.id) : deleteExport(x.id),
    );
    if (r !== null) void load();
  }

  async function share(x: FilmExportView) {
    const r = await run("films.exports.sharing", () => t("films.exports.shared"), () => shareExport(x.id));
    if (r) setShared((m) => ({ ...m, [x.id]: r.url }));
  }

  return (
    <section aria-labelledby={`${id}-h`} className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800" data-testid="exports-panel">
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        {t("films.exports.title")}
      </h2>
      {canEdit && (
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={captions} onChange={(e) => setCaptions(e.target.checked)} />
            {t("films.exports.captions")}
          </label>
          <Button type="button" disabled={busy} onClick={() => void start()} data-testid="start-export">
            {t("films.exports.start")}
          </Button>
          <a href={handoffUrl(filmId)} className="text-sm font-semibold text-indigo-800 underline dark:text-indigo-300" download>
            {t("films.exports.handoff")}
          </a>
        </div>
      )}
      {canEdit && <VoiceOverflowWarning overflows={voiceOverflows} />}
      {canEdit && <VoiceStaleWarning shots={staleVoices} />}
      <NoticeLine notice={notice} testId="exports-notice" />
      {loadError && <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("films.exports.unavailable", { reason: loadError })}</p>}
      {exports && exports.length === 0 && <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("films.exports.none")}</p>}
      {exports && exports.length > 0 && (
        <ul className="flex flex-col gap-3">
          {exports.map((x) => (
            <li key={x.id} className="flex flex-col gap-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-800" data-testid="export" data-status={x.status}>
              <p className="text-sm font-medium">
                {t(`films.exports.status.${x.status}`)} · {new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short" }).format(new Date(x.createdAt))}
                {x.captions && <> · {t("films.exports.withCaptions")}</>}
              </p>
              {ACTIVE.has(x.status) && (
                <>
                  <ProgressBar value={x.progress * 100} label={t("films.exports.progress")} valueText={`${Math.round(x.progress * 100)} %`} />
                  {x.etaSeconds !== null && <p className="text-xs">{t("films.exports.eta", { eta: formatClock(x.etaSeconds * 1000) })}</p>}
                </>
              )}
              {x.status === "READY" && x.videoUrl && (
                <>
                  <TimecodedPlayer
                    filmId={filmId}
                    target={{ exportId: x.id }}
                    src={x.videoUrl}
                    poster={x.posterUrl ?? undefined}
                    label={t("films.exports.player")}
                    listLabel="films.comments.exportList"
                    durationMs={x.durationMs ?? 0}
                    comments={commentsOn(commentStore.comments, { exportId: x.id })}
                    store={commentStore}
                    videoTestId="export-video"
                    className="max-h-80 w-full rounded bg-black object-contain"
                  />
                  <p className="text-xs">
                    {x.width && x.height ? `${x.width}×${x.height}` : ""} {x.durationMs !== null ? formatClock(x.durationMs) : ""} {x.bytes !== null ? formatBytes(x.bytes, locale) : ""}
                  </p>
                </>
              )}
              {shared[x.id] && (
                <label className="flex flex-col gap-1 text-xs">
                  {t("films.exports.shareUrl")}
                  <input readOnly value={shared[x.id]} onFocus={(e) => e.currentTarget.select()} className="rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900" data-testid="export-share-url" />
                </label>
              )}
              {x.error && <p className="text-sm text-red-700 dark:text-red-400">{x.error.message}</p>}
              <div className="flex flex-wrap gap-2">
                {x.status === "READY" && x.videoUrl && (
                  <a href={x.videoUrl} download className="text-sm font-semibold text-indigo-800 underline dark:text-indigo-300">
                    {t("films.exports.download")}
                  </a>
                )}
                {canEdit && x.status === "READY" && (
                  <Button type="button" variant="secondary" className="!px-2 !py-1" disabled={busy} onClick={() => void share(x)} data-testid="share-export">
                    {t("films.exports.share")}
                  </Button>
                )}
                {canEdit && ACTIVE.has(x.status) && (
                  <Button type="button" variant="secondary" className="!px-2 !py-1" disabled={busy} onClick={() => void act(x, "cancel")}>
                    {t("films.exports.cancel")}
                  </Button>
                )}
                {canEdit && !ACTIVE.has(x.status) && (
                  <Button type="button" variant="secondary" className="!px-2 !py-1" disabled={busy} onClick={() => void act(x, "delete")}>
                    {t("films.exports.delete")}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
