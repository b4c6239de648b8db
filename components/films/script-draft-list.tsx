"use client";
import { useEffect, useId, useRef } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { DRAFT_MODES, type DraftMode, type DraftShot, LINE_MAX_CHARS, SCENE_MAX_CHARS, SHOT_MAX_SECONDS, SHOT_MIN_SECONDS } from "@/lib/shared/script-breakdown";
import { PROMPT_MAX_CHARS, promptLength } from "@/lib/shared/upstream/video-models";
import { ActionButton } from "@/components/ui/action-button";

// The editable draft of a script breakdown: one labelled group per shot (a list rather than a wide
// table, so it reads at 375 px and with a screen reader): scene, prompt (with its count against
// Vidu's 512), mode, line or caption, seconds; each shot can be deleted. Deleting a row removes the
// button that had the focus, so the focus moves to the delete button now in its place (or the new
// last one) rather than falling out of the dialog, and a keyboard user can go on deleting.

const MODE_LABEL = { text: "script.mode.text", image: "script.mode.image", chain: "script.mode.chain" } as const;
const field = "w-full rounded-md border border-zinc-400 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900";

function ShotRow({ index, shot, onChange, onDelete, disabled }: { index: number; shot: DraftShot; onChange: (s: DraftShot) => void; onDelete: () => void; disabled: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const length = promptLength(shot.prompt.trim());
  const promptBad = length === 0 || length > PROMPT_MAX_CHARS;
  return (
    <li>
      <fieldset className="grid gap-2 rounded-lg border border-zinc-300 p-3 sm:grid-cols-[1fr_10rem] dark:border-zinc-700" data-testid="script-draft-shot">
        <legend className="px-1 text-sm font-semibold">{t("script.shotLabel", { n: index + 1 })}</legend>
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor={`${id}-scene`} className="text-xs font-medium">
            {t("script.col.scene")}
          </label>
          <input id={`${id}-scene`} className={field} value={shot.scene ?? ""} maxLength={SCENE_MAX_CHARS} disabled={disabled} onChange={(e) => onChange({ ...shot, scene: e.target.value === "" ? null : e.target.value })} />
        </div>
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor={`${id}-prompt`} className="text-xs font-medium">
            {t("script.col.prompt")}
          </label>
          <textarea
            id={`${id}-prompt`}
            className={field}
            rows={3}
            value={shot.prompt}
            disabled={disabled}
            aria-invalid={promptBad}
            aria-describedby={`${id}-count`}
            onChange={(e) => onChange({ ...shot, prompt: e.target.value })}
          />
          <p id={`${id}-count`} className={`text-xs ${promptBad ? "font-medium text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}>
            {length === 0 ? t("studio.error.promptRequired") : length > PROMPT_MAX_CHARS ? t("studio.error.promptTooLong") : `${length} / ${PROMPT_MAX_CHARS}`}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-line`} className="text-xs font-medium">
            {t("script.col.line")}
          </label>
          <input id={`${id}-line`} className={field} value={shot.line ?? ""} maxLength={LINE_MAX_CHARS} disabled={disabled} onChange={(e) => onChange({ ...shot, line: e.target.value === "" ? null : e.target.value })} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-mode`} className="text-xs font-medium">
            {t("script.col.mode")}
          </label>
          <select id={`${id}-mode`} className={field} value={shot.mode} disabled={disabled} onChange={(e) => onChange({ ...shot, mode: e.target.value as DraftMode })}>
            {DRAFT_MODES.map((m) => (
              <option key={m} value={m}>
                {t(MODE_LABEL[m])}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-seconds`} className="text-xs font-medium">
            {t("script.col.seconds")}
          </label>
          <input
            id={`${id}-seconds`}
            className={field}
            type="number"
            min={SHOT_MIN_SECONDS}
            max={SHOT_MAX_SECONDS}
            step={1}
            value={shot.seconds}
            disabled={disabled}
            onChange={(e) => onChange({ ...shot, seconds: Math.min(SHOT_MAX_SECONDS, Math.max(SHOT_MIN_SECONDS, Math.round(Number(e.target.value) || SHOT_MIN_SECONDS))) })}
          />
        </div>
        <div className="flex items-end justify-between gap-2">
          <p className="text-xs text-zinc-700 dark:text-zinc-300">
            {shot.characters.length > 0 && (
              <>
                {t("script.col.characters")}: {shot.characters.join(", ")}
              </>
            )}
          </p>
          <ActionButton
            type="button"
            className="rounded-md border border-red-700 px-3 py-1 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60 dark:border-red-400 dark:text-red-300 dark:hover:bg-red-950"
            disabled={disabled}
            onClick={onDelete}
            aria-label={t("script.delete", { n: index + 1 })}
            data-delete-row
          >
            ✕
          </ActionButton>
        </div>
      </fieldset>
    </li>
  );
}

/** A draft shot with a key of its own while the list is edited (rows come and go). */
export interface DraftRow {
  key: number;
  shot: DraftShot;
}

export function ScriptDraftList({ rows, onChange, onDelete, disabled }: { rows: DraftRow[]; onChange: (i: number, s: DraftShot) => void; onDelete: (i: number) => void; disabled: boolean }) {
  const list = useRef<HTMLOListElement>(null);
  /** Index of the row just deleted, until the list without it has rendered. */
  const deleted = useRef<number | null>(null);
  useEffect(() => {
    const at = deleted.current;
    if (at === null) return;
    deleted.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>("[data-delete-row]") ?? [];
    const next = buttons[Math.min(at, buttons.length - 1)];
    (next ?? list.current)?.focus();
  }, [rows]);
  return (
    <ol ref={list} tabIndex={-1} className="flex max-h-[50vh] flex-col gap-3 overflow-y-auto pr-1" data-testid="script-draft">
      {rows.map((r, i) => (
        <ShotRow
          key={r.key}
          index={i}
          shot={r.shot}
          disabled={disabled}
          onChange={(next) => onChange(i, next)}
          onDelete={() => {
            deleted.current = i;
            onDelete(i);
          }}
        />
      ))}
    </ol>
  );
}
