"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/gallery/confirm-dialog";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/client/api-error";
import { useWorkspace } from "@/lib/client/workspace-context";
import type { FilmView } from "@/lib/shared/film/film-views";
import { formatFen } from "@/lib/shared/money";
import { ExportsPanel } from "./exports-panel";
import { staleVoices, voiceOverflows } from "./voice-overflow";
import { addShot, deleteShot, duplicateShot, reorderShots } from "./film-api";
import { FilmPreview } from "./film-preview";
import { GenerateMissingDialog } from "./generate-missing-dialog";
import { ScriptBreakdownDialog } from "./script-breakdown-dialog";
import { ShotPanel } from "./shot-panel";
import { ShotStrip } from "./shot-strip";
import { NoticeLine, useAction } from "./use-action";
import { useFilm } from "./use-film";
import { useTakeViews } from "./use-take-views";

/** A change the chain rule refused (409 film_chain_broken), waiting for "re-target and continue". */
interface Pending {
  message: string;
  resend: () => Promise<{ film: FilmView }>;
  done: string;
  focusShotId?: string;
}

export function StoryboardView({ filmId }: { filmId: string }) {
  const { locale, t } = useI18n();
  const { canGenerate: canEdit } = useWorkspace();
  const { film, error, refresh, apply } = useFilm(filmId);
  const takes = useTakeViews(film, refresh);
  const { run, notice, busy, setNotice } = useAction();
  // `?shot=<id>` (a link from the gallery's stills) opens that shot; otherwise the first.
  const linkedShot = useSearchParams().get("shot");
  const [selectedId, setSelectedId] = useState<string | null>(linkedShot);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const focusShot = useRef<string | null>(null);
  const setFocusShot = (id: string) => {
    focusShot.current = id;
  };
  const [missingOpen, setMissingOpen] = useState(false);
  const [scriptOpen, setScriptOpen] = useState(false);

  const shots = film?.shots ?? [];
  const selected = shots.find((s) => s.id === selectedId) ?? shots[0] ?? null;

  // After a keyboard move the card re-renders in its new place: focus follows it.
  useEffect(() => {
    if (!focusShot.current) return;
    document.getElementById(`shot-${focusShot.current}`)?.focus();
    focusShot.current = null;
  }, [film]);

  /** Sends a change that may break a chain; a 409 film_chain_broken asks before resending with retarget. */
  const chainSafe = useCallback(
    async (busyKey: Parameters<typeof run>[0], done: string, send: (retarget: boolean) => Promise<{ film: FilmView }>, focusShotId?: string) => {
      const r = await run(busyKey, () => done, () => send(false), (e) => {
        if (e instanceof ApiError && e.code === "film_chain_broken") {
          setPending({ message: e.localized(locale), resend: () => send(true), done, focusShotId });
          return true;
        }
        return false;
      });
      if (r) {
        apply(r.film);
        if (focusShotId) setFocusShot(focusShotId);
      }
    },
    [apply, locale, run],
  );

  async function retarget() {
    const p = pending;
    setPending(null);
    if (!p) return;
    const r = await run("films.busy.saving", () => p.done, p.resend);
    if (r) {
      apply(r.film);
      if (p.focusShotId) setFocusShot(p.focusShotId);
    }
  }

  function move(shotId: string, to: number) {
    const order = shots.map((s) => s.id).filter((id) => id !== shotId);
    order.splice(to, 0, shotId);
    const from = shots.findIndex((s) => s.id === shotId);
    void chainSafe("films.busy.moving", t("films.shot.moved", { from: from + 1, to: to + 1 }), (rt) => reorderShots(filmId, order, rt), shotId);
  }

  async function add() {
    const r = await run("films.busy.adding", (x: { film: FilmView }) => t("films.shot.added", { n: x.film.shots.length }), () => addShot(filmId));
    if (r) {
      apply(r.film);
      setSelectedId(r.film.shots.at(-1)?.id ?? null);
    }
  }

  if (error && !film) {
    return (
      <p role="alert" className="text-red-700 dark:text-red-400">
        {error.status === 404 ? t("films.notFound") : error.localized(locale)}
      </p>
    );
  }
  if (!film) return <p>{t("films.loading")}</p>;

  const toDelete = shots.find((s) => s.id === confirmDelete);
  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <nav aria-label={t("films.nav")} className="flex flex-wrap gap-x-4 text-sm font-semibold text-indigo-800 underline dark:text-indigo-300">
            <Link href="/films">← {t("films.back")}</Link>
            <Link href="/films/library">{t("films.library.link")}</Link>
          </nav>
          <h1 className="break-words text-2xl font-semibold" data-testid="film-title">
            {film.title}
          </h1>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            {film.aspect} · {t("films.shots", { count: shots.length })} · <span data-testid="film-approved">{t("films.approved", { n: film.approved.n, m: film.approved.m })}</span> ·{" "}
            {t("films.cost", { amount: formatFen(film.costFen) })}
          </p>
        </div>
        {canEdit && (
          <div className="flex flex-wrap gap-2">
            <Button type="button" variant="secondary" onClick={() => setScriptOpen(true)} data-testid="open-script-breakdown">
              {t("script.open")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setMissingOpen(true)} data-testid="open-generate-missing">
              {t("films.missing.open")}
            </Button>
            <Button type="button" onClick={() => void add()} disabled={busy} data-testid="add-shot">
              {t("films.shot.add")}
            </Button>
          </div>
        )}
      </header>
      <NoticeLine notice={notice} testId="film-notice" />

      <section aria-labelledby="strip-title" className="flex flex-col gap-2">
        <h2 id="strip-title" className="text-lg font-semibold">
          {t("films.strip.title")}
        </h2>
        {canEdit && shots.length > 1 && <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("films.strip.hint")}</p>}
        {shots.length === 0 ? (
          <p className="text-zinc-700 dark:text-zinc-300">{t("films.strip.empty")}</p>
        ) : (
          <ShotStrip
            shots={shots}
            takes={takes}
            selectedId={selected?.id}
            canEdit={canEdit}
            busy={busy}
            onSelect={setSelectedId}
            onMove={move}
            onDuplicate={(s) =>
              void chainSafe("films.busy.duplicating", t("films.shot.duplicated", { n: s.position + 1 }), async (rt) => {
                const r = await duplicateShot(s.id, rt);
                setSelectedId(r.film.shots[s.position + 1]?.id ?? null);
                return r;
              })
            }
            onDelete={setConfirmDelete}
          />
        )}
      </section>

      {selected && <ShotPanel key={selected.id} film={film} shot={selected} takes={takes} canEdit={canEdit} onFilm={apply} />}

      <FilmPreview film={film} takes={takes} />
      <ExportsPanel filmId={filmId} canEdit={canEdit} voiceOverflows={voiceOverflows(film)} staleVoices={staleVoices(film)} />

      <ConfirmDialog
        open={toDelete !== undefined}
        title={t("films.delete.title", { n: (toDelete?.position ?? 0) + 1 })}
        body={t("films.delete.body")}
        confirmLabel={t("films.shot.delete")}
        cancelLabel={t("films.cancel")}
        busy={busy}
        onCancel={() => setConfirmDelete(null)}
        onConfirm={() => {
          const s = toDelete;
          setConfirmDelete(null);
          if (s) void chainSafe("films.busy.deleting", t("films.shot.deleted", { n: s.position + 1 }), (rt) => deleteShot(s.id, rt));
        }}
      />
      <ConfirmDialog
        open={pending !== null}
        title={t("films.retarget.title")}
        body={pending?.message ?? ""}
        confirmLabel={t("films.retarget.confirm")}
        cancelLabel={t("films.cancel")}
        busy={busy}
        onCancel={() => setPending(null)}
        onConfirm={() => void retarget()}
      />
      {canEdit && <ScriptBreakdownDialog
          open={scriptOpen}
          filmId={filmId}
          onClose={() => setScriptOpen(false)}
          onAccepted={(f, added) => {
            apply(f);
            setNotice({ tone: "ok", text: t("script.accepted", { n: added }) });
          }}
        />}
      {canEdit && <GenerateMissingDialog open={missingOpen} filmId={filmId} onClose={() => setMissingOpen(false)} onStarted={() => void refresh()} />}
    </div>
  );
}
