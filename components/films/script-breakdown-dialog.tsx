"use client";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ModalFrame } from "@/components/ui/modal-frame";
import { ApiError } from "@/lib/client/api-error";
import { IntentKey } from "@/lib/client/idempotency";
import type { FilmView } from "@/lib/shared/film/film-views";
import { formatFen } from "@/lib/shared/money";
import { type BreakdownView, type DraftShot, SCRIPT_MAX_CHARS } from "@/lib/shared/script-breakdown";
import { splitScript } from "@/lib/shared/script-parts";
import { acceptBreakdown, discardBreakdown, estimateBreakdown, getBreakdown, retryBreakdown, saveBreakdown, startBreakdown } from "./film-api";
import { type DraftRow, ScriptDraftList } from "./script-draft-list";
import { NoticeLine, useAction } from "./use-action";

// "From a script": paste a script, see how many text-model calls breaking it down makes (a long script
// is split into parts, script-parts.ts, the same split the server makes) and the most they hold, break
// it down (progress per part while they run; failed parts are named and can be retried alone), then
// edit the draft and add its shots to the film in one step. The draft is the server's (GET on open
// restores it after a reload); edits are saved a moment after the user stops typing.

type Done = Extract<BreakdownView, { status: "done" }>;
const POLL_MS = 1_000;
const POLL_LIMIT = 120;
const SAVE_AFTER_MS = 800;
const ESTIMATE_AFTER_MS = 300;

let nextRowKey = 0;
const rowsOf = (shots: DraftShot[]): DraftRow[] => shots.map((shot) => ({ key: nextRowKey++, shot }));
/** Some parts of the breakdown failed: "retry" re-asks only those. */
const partsFailed = (e: unknown) => e instanceof ApiError && e.code === "script_part_failed";

export function ScriptBreakdownDialog({ open, filmId, onClose, onAccepted }: { open: boolean; filmId: string; onClose: () => void; onAccepted: (film: FilmView, added: number) => void }) {
  const { t } = useI18n();
  const id = useId();
  const { run, notice, busy, errorText, setNotice } = useAction();
  const [text, setText] = useState("");
  const [estimate, setEstimate] = useState<{ chars: number; parts: number; heldFen: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const [draft, setDraft] = useState<Done | null>(null);
  const [rows, setRows] = useState<DraftRow[]>([]);
  const [revision, setRevision] = useState(0);
  const [savedRevision, setSavedRevision] = useState(0);
  const saving = useRef(false);
  const intent = useRef(new IntentKey());
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);
  const chars = [...text.trim()].length;
  const tooLong = chars > SCRIPT_MAX_CHARS;
  /** The calls the breakdown will make: the parts the server will split this text into. */
  const parts = useMemo(() => (chars === 0 || tooLong ? 0 : splitScript(text.trim()).length), [text, chars, tooLong]);
  /** Shown only while it is the estimate of the text as it is now. */
  const heldFen = estimate?.chars === chars && estimate.parts === parts ? estimate.heldFen : null;

  const show = useCallback((view: BreakdownView) => {
    if (view.status !== "done") return;
    setDraft(view);
    setRows(rowsOf(view.shots));
    setRevision(0);
    setSavedRevision(0);
  }, []);

  /** Polls a running breakdown until it answers (or the dialog closes). */
  const follow = useCallback(async (first: BreakdownView): Promise<BreakdownView> => {
    let view = first;
    for (let i = 0; view.status === "pending" && i < POLL_LIMIT && alive.current; i++) {
      setNotice({ tone: "busy", text: view.parts > 1 ? `${t("script.progress", { answered: view.answered, parts: view.parts })} ${t("script.pending")}` : t("script.pending") });
      await new Promise((r) => setTimeout(r, POLL_MS));
      view = await getBreakdown(filmId);
    }
    return view;
  }, [filmId, setNotice, t]);

  // On open: the draft as the server keeps it (a reload, another tab).
  useEffect(() => {
    if (!open) return;
    let live = true;
    getBreakdown(filmId)
      .then((v) => follow(v))
      .then(
        (v) => {
          if (!live) return;
          show(v);
          if (v.status !== "pending") setNotice(null);
        },
        (e: unknown) => {
          if (!live) return;
          setFailed(partsFailed(e));
          setNotice({ tone: "error", text: errorText(e) });
        },
      );
    return () => {
      live = false;
    };
  }, [open, filmId, follow, show, errorText, setNotice]);

  // What a breakdown of this many characters holds, before the user asks for it.
  useEffect(() => {
    if (!open || chars === 0 || tooLong) return;
    let live = true;
    const timer = setTimeout(() => {
      estimateBreakdown(filmId, chars, parts).then(
        (e) => live && setEstimate({ chars, parts, heldFen: e.heldFen }),
        () => undefined, // no estimate shown; the breakdown itself still reports any refusal
      );
    }, ESTIMATE_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, filmId, chars, parts, tooLong]);

  // Edits are saved a moment after the last change, so the draft survives a reload. One save at a
  // time: each names the version the one before it returned.
  useEffect(() => {
    if (revision === savedRevision || !draft || rows.length === 0 || saving.current) return;
    const at = revision;
    const timer = setTimeout(() => {
      saving.current = true;
      saveBreakdown(filmId, { callId: draft.callId, version: draft.version, shots: rows.map((r) => r.shot) })
        .then(
          (s) => {
            if (!alive.current) return;
            setDraft({ ...draft, version: s.version, edited: true });
            setSavedRevision(at);
            setNotice({ tone: "ok", text: t("script.saved") });
          },
          (e: unknown) => alive.current && setNotice({ tone: "error", text: errorText(e) }),
        )
        .finally(() => void (saving.current = false));
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [revision, savedRevision, draft, rows, filmId, errorText, setNotice, t]);

  async function breakDown() {
    const key = intent.current.for({ filmId, text: text.trim() });
    setFailed(false);
    const view = await run("script.working", () => t("script.working"), async () => follow(await startBreakdown(filmId, text, key)), onFailure);
    if (!view) return;
    intent.current.reset();
    settle(view);
  }

  /** A part failed: the error names it and offers the retry (the request's key is spent either way). */
  function onFailure(e: unknown): boolean {
    if (partsFailed(e)) {
      intent.current.reset();
      setFailed(true);
    }
    return false;
  }

  function settle(view: BreakdownView) {
    show(view);
    setNotice(view.status === "done" ? { tone: "ok", text: t("script.draft", { n: view.shots.length }) } : { tone: "busy", text: t("script.pending") });
  }

  async function retry() {
    const view = await run("script.working", () => t("script.retried"), async () => follow(await retryBreakdown(filmId)), onFailure);
    if (!view) return;
    setFailed(false);
    settle(view);
  }

  async function accept() {
    if (!draft) return;
    const r = await run("script.working", (x: { added: number }) => t("script.accepted", { n: x.added }), () => acceptBreakdown(filmId, { callId: draft.callId, version: draft.version, shots: rows.map((row) => row.shot) }));
    if (!r) return;
    onAccepted(r.film, r.added);
    setDraft(null);
    setRows([]);
    setText("");
    onClose();
  }

  async function discard() {
    const r = await run("script.working", () => t("script.discarded"), () => discardBreakdown(filmId));
    if (r) {
      setDraft(null);
      setRows([]);
      setFailed(false);
    }
  }

  const edit = (update: (rows: DraftRow[]) => DraftRow[]) => {
    setRows(update);
    setRevision((n) => n + 1);
  };

  return (
    <ModalFrame open={open} onDismiss={onClose} initialFocus="[data-autofocus]" title={t("script.title")} body={t("script.free")} wide testId="script-breakdown">
      <div className="mt-4 flex flex-col gap-3">
        {!draft && (
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-text`} className="text-sm font-medium">
              {t("script.label")}
            </label>
            <textarea
              id={`${id}-text`}
              data-autofocus
              rows={8}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-invalid={tooLong}
              aria-describedby={`${id}-count ${id}-estimate`}
              className="rounded-md border border-zinc-400 bg-white px-3 py-2 text-sm dark:border-zinc-600 dark:bg-zinc-900"
              data-testid="script-text"
            />
            <p id={`${id}-count`} className={`text-xs ${tooLong ? "font-medium text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}>
              {tooLong ? t("errors.field.script_too_long") : t("script.count", { n: chars.toLocaleString(), max: SCRIPT_MAX_CHARS.toLocaleString() })}
            </p>
            <p id={`${id}-estimate`} className="text-xs text-zinc-700 dark:text-zinc-300" data-testid="script-estimate">
              {heldFen === null ? "" : parts > 1 ? t("script.estimateParts", { calls: parts, held: formatFen(heldFen) }) : t("script.estimate", { held: formatFen(heldFen) })}
            </p>
          </div>
        )}
        {draft && (
          <div className="flex flex-col gap-2">
            <p className="text-sm font-medium" data-testid="script-draft-summary">
              {t("script.draft", { n: rows.length })}
              {draft.parts > 1 && <> {t("script.draftParts", { parts: draft.parts })}</>} · {t("script.cost", { cost: formatFen(draft.costFen), held: formatFen(draft.heldFen) })}
            </p>
            {draft.repairs.length > 0 && (
              <div className="rounded-md border border-amber-600 p-2 text-sm dark:border-amber-400" role="status" data-testid="script-repairs">
                <p className="font-medium">{t("script.repairs")}</p>
                <ul className="list-disc pl-5">
                  {draft.repairs.map((note) => (
                    <li key={note.kind}>{t(`script.repair.${note.kind}`, { count: note.count })}</li>
                  ))}
                </ul>
              </div>
            )}
            <ScriptDraftList
              rows={rows}
              disabled={busy}
              onChange={(i, shot) => edit((all) => all.map((r, j) => (j === i ? { ...r, shot } : r)))}
              onDelete={(i) => {
                edit((all) => all.filter((_, j) => j !== i));
                setNotice({ tone: "ok", text: t("script.deleted", { n: i + 1 }) });
              }}
            />
          </div>
        )}
        <NoticeLine notice={notice} testId="script-notice" />
        <div className="flex flex-wrap justify-end gap-2">
          {failed && !draft && (
            <Button type="button" disabled={busy} onClick={() => void retry()} data-testid="script-retry">
              {t("script.retry")}
            </Button>
          )}
          {(draft || failed) && (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void discard()}>
              {t("script.discard")}
            </Button>
          )}
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("script.close")}
          </Button>
          {draft ? (
            <Button type="button" disabled={busy || rows.length === 0} onClick={() => void accept()} data-testid="script-accept">
              {t("script.accept", { n: rows.length })}
            </Button>
          ) : (
            <Button type="button" disabled={busy || chars === 0 || tooLong} onClick={() => void breakDown()} data-testid="script-break-down">
              {t("script.breakDown")}
            </Button>
          )}
        </div>
      </div>
    </ModalFrame>
  );
}
