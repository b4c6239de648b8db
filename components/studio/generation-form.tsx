"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useAnnounce } from "@/components/ui/live-region";
import { TabPanel, Tabs } from "@/components/ui/tabs";
import { useToast } from "@/components/ui/toast";
import { useWorkspace } from "@/lib/client/workspace-context";
import { DRAFT_SLOTS, type DraftView } from "@/lib/shared/studio-draft";
import { MODES, type Mode } from "@/lib/shared/generation-schemas";
import type { GenerationView } from "@/lib/shared/generation-view";
import { ClipFacts } from "./clip-facts";
import { ContinueNotice } from "./continue-notice";
import { fromDraftState, toDraftState } from "./draft-state";
import { DraftStatusLine } from "./draft-status";
import { fieldErrorText } from "./field-error";
import { type FieldErrors, type FieldKey, type FormState, INITIAL_FORM, SLOTS_OF_MODE } from "./form-state";
import { GenerateBar } from "./generate-bar";
import { ImageFields } from "./image-fields";
import { RepeatDialog } from "./repeat-dialog";
import { StartEndFields } from "./start-end-fields";
import { type TakeCount, TakesChoice } from "./takes-choice";
import { TextFields } from "./text-fields";
import { type SlotKey, useImageSlots } from "./use-image-slots";
import { usePasteImage } from "./use-paste-image";
import { useApplyContinue } from "./use-apply-continue";
import { useApplyRemix } from "./use-apply-remix";
import { useStudioDraft } from "./use-studio-draft";
import { useSubmitGeneration } from "./use-submit-generation";

const TAB_KEYS = { text: "studio.tab.text", image: "studio.tab.image", "start-end": "studio.tab.startEnd" } as const;
const PROMPT_ID: Record<Mode, string> = { text: "text-prompt", image: "image-prompt", "start-end": "start-end-prompt" };
const FOCUS_ORDER: FieldKey[] = ["image", "start", "end", "prompt", "form"];

function focusField(mode: Mode, field: FieldKey) {
  const el =
    field === "prompt"
      ? document.getElementById(PROMPT_ID[mode])
      : field === "form"
        ? document.querySelector<HTMLElement>('[data-testid="generate"]')
        : document.querySelector<HTMLElement>(`[data-slot="${field}"] button`);
  el?.focus();
}

/**
 * The form's autosaved draft (use-studio-draft.ts) wired to its state: what the form holds is the
 * snapshot; a restored draft sets mode, fields, takes and images, and an image that can no longer be
 * used is named next to its field until another is chosen.
 */
function useFormDraft(
  mode: Mode,
  form: FormState,
  takes: TakeCount,
  slots: ReturnType<typeof useImageSlots>,
  setMode: (m: Mode) => void,
  setForm: (f: FormState) => void,
  setTakes: (t: TakeCount) => void,
) {
  const workspace = useWorkspace();
  const params = useSearchParams();
  const [missing, setMissing] = useState<FieldErrors>({});
  const { adopt, remove } = slots;
  const apply = useCallback(
    (view: DraftView) => {
      const restored = view.state ? fromDraftState(view.state) : { mode: "text" as const, form: INITIAL_FORM, takes: "1" as const };
      setMode(restored.mode);
      setForm(restored.form);
      setTakes(restored.takes);
      const notes: FieldErrors = {};
      for (const key of DRAFT_SLOTS) {
        const image = view.images[key];
        if (image?.status === "ok") adopt(key, image.upload);
        else remove(key);
        if (image?.status === "missing") notes[key] = { key: "studio.draft.imageMissing" };
      }
      setMissing(notes);
    },
    [adopt, remove, setForm, setMode, setTakes],
  );
  const images = Object.fromEntries(DRAFT_SLOTS.map((k) => [k, slots.slots[k]?.upload.result?.id ?? null])) as Record<SlotKey, string | null>;
  const draft = useStudioDraft({
    teamId: workspace.teamId,
    snapshot: toDraftState(mode, form, takes, images),
    skipRestore: params.has("remix") || params.has("continue"),
    apply,
  });
  const forgetMissing = useCallback((key: SlotKey) => setMissing((m) => (m[key] ? { ...m, [key]: undefined } : m)), []);
  return { ...draft, missing, forgetMissing };
}

/** The studio form: mode tabs, the parameters of that mode, the facts and Generate. */
export function GenerationForm({ prices, onAccepted }: { prices: Record<Mode, number>; onAccepted: (view: GenerationView) => void }) {
  const { locale, t } = useI18n();
  const announce = useAnnounce();
  const [mode, setMode] = useState<Mode>("text");
  const [form, setForm] = useState<FormState>(INITIAL_FORM);
  const [accepted, setAccepted] = useState<GenerationView | null>(null);
  const [takes, setTakes] = useState<TakeCount>("1");
  const slots = useImageSlots();
  const priceFen = prices[mode];
  useApplyRemix(setMode, setForm, slots.adopt);
  const continuing = useApplyContinue(setMode, slots.adopt);
  const draft = useFormDraft(mode, form, takes, slots, setMode, setForm, setTakes);
  const { forgetMissing } = draft;

  const handleAccepted = useCallback(
    (view: GenerationView) => {
      setAccepted(view);
      onAccepted(view);
      announce(t("studio.submit.queued"));
    },
    [announce, onAccepted, t],
  );
  const handleInvalid = useCallback(
    (errs: FieldErrors) => {
      const first = FOCUS_ORDER.find((f) => errs[f]);
      if (first) focusField(mode, first);
      const msg = first ? fieldErrorText(errs[first], locale, t) : undefined;
      if (msg) announce(msg, "assertive");
    },
    [announce, locale, mode, t],
  );
  const { submit, phase, errors, clearError, repeat, confirmRepeat, cancelRepeat } = useSubmitGeneration({ slots, onAccepted: handleAccepted, onInvalid: handleInvalid });
  const toast = useToast();
  const dismissRepeat = useCallback(() => {
    cancelRepeat();
    toast(t("studio.repeat.cancelled"));
  }, [cancelRepeat, t, toast]);

  function patch<M extends Mode>(m: M, p: Partial<FormState[M]>) {
    setForm((f) => ({ ...f, [m]: { ...f[m], ...p } }));
    setAccepted(null);
    if ("prompt" in p) clearError("prompt");
    clearError("form");
  }
  const pick = useCallback(
    (key: SlotKey, file: File) => {
      clearError(key);
      forgetMissing(key);
      clearError("form");
      setAccepted(null);
      void slots.pick(key, file);
    },
    [clearError, forgetMissing, slots],
  );

  usePasteImage(mode !== "text", (file, target) => {
    const keys = SLOTS_OF_MODE[mode];
    const key = (target && keys.includes(target) ? target : undefined) ?? keys.find((k) => !slots.slots[k]) ?? keys[0];
    if (key) {
      pick(key, file);
      announce(t("studio.image.pasted"));
    }
  });

  // A new tab starts clean: errors of the previous mode would point at fields that are not shown.
  useEffect(() => {
    for (const k of FOCUS_ORDER) clearError(k);
  }, [mode, clearError]);

  // Ctrl/Cmd+Enter from anywhere in the form submits; a plain Enter on a radio must not (implicit
  // submission would spend money). A native listener: jsx-a11y rightly flags key handlers on <form>.
  const formRef = useRef<HTMLFormElement>(null);
  const submitNow = useRef(() => {});
  useEffect(() => {
    submitNow.current = () => void submit(mode, form, Number(takes));
  });
  useEffect(() => {
    const el = formRef.current;
    if (!el) return;
    function onKeyDown(e: KeyboardEvent) {
      if (e.key !== "Enter") return;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        submitNow.current();
      } else if (e.target instanceof HTMLInputElement) {
        e.preventDefault();
      }
    }
    el.addEventListener("keydown", onKeyDown);
    return () => el.removeEventListener("keydown", onKeyDown);
  }, []);

  const uploadProgress = (() => {
    const entries = SLOTS_OF_MODE[mode].map((k) => slots.slots[k]).filter((e) => e !== null);
    if (!entries.length) return null;
    return entries.reduce((s, e) => s + (e.upload.state === "done" ? 1 : e.upload.progress), 0) / entries.length;
  })();

  return (
    <>
      <form
        noValidate
        aria-labelledby="studio-form-title"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(mode, form, Number(takes));
        }}
        ref={formRef}
        className="flex flex-col gap-5 rounded-xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6 dark:border-zinc-800 dark:bg-zinc-950"
      >
        <h2 id="studio-form-title" className="sr-only">
          {t("studio.form.title")}
        </h2>
        <DraftStatusLine status={draft.status} onClear={draft.clear} onLoadNewer={draft.loadNewer} onKeepMine={draft.keepMine} />
        <ContinueNotice state={continuing} />
        <Tabs
          idPrefix="mode"
          label={t("studio.tab.label")}
          items={MODES.map((m) => ({ id: m, label: t(TAB_KEYS[m]) }))}
          selected={mode}
          onSelect={setMode}
        />
        <TabPanel idPrefix="mode" id={mode}>
          <p className="mb-4 text-sm text-zinc-700 dark:text-zinc-300">{t(`studio.tab.${mode === "start-end" ? "startEnd" : mode}.desc`)}</p>
          {mode === "text" && <TextFields value={form.text} onChange={(p) => patch("text", p)} errors={errors} />}
          {mode === "image" && (
            <ImageFields value={form.image} onChange={(p) => patch("image", p)} errors={{ ...draft.missing, ...errors }} slots={slots} onPick={(f) => pick("image", f)} />
          )}
          {mode === "start-end" && (
            <StartEndFields value={form["start-end"]} onChange={(p) => patch("start-end", p)} errors={{ ...draft.missing, ...errors }} slots={slots} onPick={pick} />
          )}
        </TabPanel>
        <ClipFacts priceFen={priceFen} />
        <TakesChoice value={takes} onChange={setTakes} />
        <GenerateBar
          phase={phase}
          uploadProgress={uploadProgress}
          priceFen={priceFen}
          takes={Number(takes)}
          accepted={accepted}
          formError={fieldErrorText(errors.form, locale, t)}
        />
      </form>
      {/* Outside the form: its Ctrl+Enter listener and implicit submission must not reach the dialog. */}
      <RepeatDialog repeat={repeat} priceFen={repeat ? prices[repeat.mode] * repeat.takes : priceFen} onConfirm={() => void confirmRepeat()} onCancel={dismissRepeat} />
    </>
  );
}
