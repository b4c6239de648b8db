"use client";
import { PromptHelp } from "@/components/prompt-help/prompt-help";
import { useEffect, useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextareaField } from "@/components/ui/textarea-field";
import { ApiError } from "@/lib/client/api-error";
import { fieldErrorsOf } from "@/lib/client/field-errors";
import { useWorkspace } from "@/lib/client/workspace-context";
import { TRANSITION_KINDS, type TransitionKind } from "@/lib/shared/film/cut";
import { shotProblems, TAKE_FRAMES, type UpdateShotInput } from "@/lib/shared/film/film-schemas";
import type { FilmView, ReferenceView, ShotView } from "@/lib/shared/film/film-views";
import { MODES, type Mode } from "@/lib/shared/generation-schemas";
import { PROMPT_MAX_CHARS, promptLength } from "@/lib/shared/upstream/video-models";
import { listReferences, updateShot } from "./film-api";
import { FrameSourceField } from "./frame-source-field";
import { framesToSeconds, trimmedFrames } from "./shot-format";

type Draft = Required<Pick<UpdateShotInput, "sceneHeading" | "prompt" | "mode" | "start" | "end" | "caption" | "trimIn" | "trimOut" | "transition">>;

const MODE_LABEL = { text: "studio.tab.text", image: "studio.tab.image", "start-end": "studio.tab.startEnd" } as const satisfies Record<Mode, string>;
const control = "rounded-md border border-zinc-400 bg-white px-3 py-2 text-sm dark:border-zinc-600 dark:bg-zinc-900";

function draftOf(s: ShotView): Draft {
  return { sceneHeading: s.sceneHeading, prompt: s.prompt, mode: s.mode, start: s.start, end: s.end, caption: s.caption, trimIn: s.trimIn, trimOut: s.trimOut, transition: s.transition };
}

/** The side editor of the selected shot: edits a draft, saves it with PATCH, shows where it stands. */
export function ShotEditor({ shot, canEdit, onFilm }: { shot: ShotView; canEdit: boolean; onFilm: (f: FilmView) => void }) {
  const { locale, t } = useI18n();
  const { teamId } = useWorkspace();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(shot));
  const [state, setState] = useState<"saved" | "dirty" | "saving" | "error">("saved");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [references, setReferences] = useState<ReferenceView[]>([]);
  // Frames set elsewhere (a still used from the stills panel) reach the draft, keeping other unsaved edits.
  const [seen, setSeen] = useState(shot);
  if (shot !== seen) {
    setSeen(shot);
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    if (shot.mode !== seen.mode || !same(shot.start, seen.start) || !same(shot.end, seen.end)) {
      setDraft((d) => ({ ...d, mode: shot.mode, start: shot.start, end: shot.end }));
    }
  }
  useEffect(() => {
    listReferences(teamId).then(
      (r) => setReferences(r.items),
      () => setReferences([]),
    );
  }, [teamId]);

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setState("dirty");
  };
  const isFirst = shot.position === 0;
  const count = promptLength(draft.prompt);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setFields({});
    setFormError(null);
    const body: Draft = {
      ...draft,
      sceneHeading: draft.sceneHeading?.trim() ? draft.sceneHeading : null,
      caption: draft.caption?.trim() ? draft.caption : null,
      start: draft.mode === "text" ? null : draft.start,
      end: draft.mode === "start-end" ? draft.end : null,
      transition: draft.transition.kind === "cut" ? { kind: "cut", frames: 0 } : draft.transition,
    };
    const local = shotProblems(body);
    if (count > PROMPT_MAX_CHARS || local.length > 0) {
      const f: Record<string, string> = Object.fromEntries(local.map(([path, key]) => [path, t(key)]));
      if (count > PROMPT_MAX_CHARS) f.prompt = t("studio.error.promptTooLong");
      setFields(f);
      setState("error");
      return;
    }
    setState("saving");
    try {
      const { film: f } = await updateShot(shot.id, body);
      onFilm(f);
      const saved = f.shots.find((s) => s.id === shot.id);
      if (saved) setDraft(draftOf(saved));
      setState("saved");
    } catch (err) {
      setState("error");
      if (err instanceof ApiError && err.fields.length > 0) setFields(fieldErrorsOf(err, locale));
      else setFormError(err instanceof ApiError ? (err.status === 0 ? t("studio.error.network") : err.localized(locale)) : String(err));
    }
  }

  const stateText = { saved: t("films.editor.saved"), dirty: t("films.editor.dirty"), saving: t("films.editor.saving"), error: t("films.editor.error") }[state];
  const disabled = !canEdit || state === "saving";
  return (
    <form onSubmit={save} noValidate aria-labelledby={`${id}-h`} className="flex min-w-0 flex-col gap-4" data-testid="shot-editor">
      <h3 id={`${id}-h`} className="text-base font-semibold">
        {t("films.editor.title")}
      </h3>
      <Field
        id={`${id}-scene`}
        label={t("films.editor.scene")}
        hint={t("films.editor.sceneHint")}
        value={draft.sceneHeading ?? ""}
        maxLength={120}
        disabled={disabled}
        onChange={(e) => set("sceneHeading", e.target.value)}
        error={fields.sceneHeading}
      />
      <TextareaField
        id={`${id}-prompt`}
        label={t("films.editor.prompt")}
        value={draft.prompt}
        onChange={(e) => set("prompt", e.target.value)}
        count={count}
        max={PROMPT_MAX_CHARS}
        warnAt={460}
        counterLabel={t("films.editor.counter", { count, max: PROMPT_MAX_CHARS })}
        error={fields.prompt}
        disabled={disabled}
      />
      <PromptHelp fieldId={`${id}-prompt`} text={draft.prompt} onAccept={(text) => set("prompt", text)} disabled={disabled} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-mode`} className="text-sm font-medium">
          {t("films.editor.mode")}
        </label>
        <select id={`${id}-mode`} className={control} value={draft.mode} disabled={disabled} onChange={(e) => set("mode", e.target.value as Mode)}>
          {MODES.map((m) => (
            <option key={m} value={m}>
              {t(MODE_LABEL[m])}
            </option>
          ))}
        </select>
      </div>
      {draft.mode !== "text" && (
        <FrameSourceField
          id={`${id}-start`}
          legend={t("films.frame.start")}
          value={draft.start}
          allowPrevious={!isFirst}
          references={references}
          disabled={disabled}
          error={fields.start}
          onChange={(v) => set("start", v)}
        />
      )}
      {draft.mode === "start-end" && (
        <FrameSourceField
          id={`${id}-end`}
          legend={t("films.frame.end")}
          value={draft.end}
          allowPrevious={false}
          references={references}
          disabled={disabled}
          error={fields.end}
          onChange={(v) => set("end", v)}
        />
      )}
      {!isFirst && canEdit && (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" disabled={disabled} onClick={() => { set("mode", "image"); set("start", { kind: "previous" }); }} data-testid="chain-previous">
            {t("films.editor.chain")}
          </Button>
          <Button type="button" variant="secondary" disabled={disabled} onClick={() => { set("mode", "start-end"); set("start", { kind: "previous" }); }}>
            {t("films.editor.bridge")}
          </Button>
        </div>
      )}
      <Field id={`${id}-caption`} label={t("films.editor.caption")} value={draft.caption ?? ""} maxLength={200} disabled={disabled} onChange={(e) => set("caption", e.target.value)} error={fields.caption} />
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("films.editor.trim", { fps: 24, max: TAKE_FRAMES })}</legend>
        <div className="grid grid-cols-2 gap-3">
          <Field id={`${id}-in`} label={t("films.editor.trimIn")} type="number" min={0} max={TAKE_FRAMES} inputMode="numeric" disabled={disabled} value={draft.trimIn} onChange={(e) => set("trimIn", Number(e.target.value))} error={fields.trimIn} />
          <Field
            id={`${id}-out`}
            label={t("films.editor.trimOut")}
            type="number"
            min={1}
            max={TAKE_FRAMES}
            inputMode="numeric"
            disabled={disabled}
            value={draft.trimOut ?? TAKE_FRAMES}
            onChange={(e) => set("trimOut", Number(e.target.value) >= TAKE_FRAMES ? null : Number(e.target.value))}
            error={fields.trimOut}
          />
        </div>
        <p className="text-xs text-zinc-700 dark:text-zinc-300" data-testid="trim-duration">
          {t("films.editor.duration", { duration: framesToSeconds(trimmedFrames(draft)) })}
        </p>
      </fieldset>
      <fieldset className="grid grid-cols-2 gap-3">
        <legend className="mb-1 text-sm font-medium">{t("films.editor.transition")}</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-tkind`} className="text-sm">
            {t("films.editor.transitionKind")}
          </label>
          <select
            id={`${id}-tkind`}
            className={control}
            value={draft.transition.kind}
            disabled={disabled}
            onChange={(e) => {
              const kind = e.target.value as TransitionKind;
              set("transition", { kind, frames: kind === "cut" ? 0 : draft.transition.frames || 12 });
            }}
          >
            {TRANSITION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`films.transition.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          id={`${id}-tframes`}
          label={t("films.editor.transitionFrames")}
          type="number"
          min={0}
          max={60}
          disabled={disabled || draft.transition.kind === "cut"}
          value={draft.transition.frames}
          onChange={(e) => set("transition", { ...draft.transition, frames: Number(e.target.value) })}
          error={fields["transition.frames"] ?? fields.transition}
        />
      </fieldset>
      {formError && (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {formError}
        </p>
      )}
      {canEdit && (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={disabled} data-testid="save-shot">
            {t("films.editor.save")}
          </Button>
          <span role="status" className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="save-state" data-state={state}>
            {stateText}
          </span>
        </div>
      )}
    </form>
  );
}
