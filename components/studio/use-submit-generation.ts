"use client";
import { useCallback, useRef, useState } from "react";
import { useWorkspace, withWorkspace } from "@/lib/client/workspace-context";
import { apiFetch } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import { IntentKey, newIdempotencyKey } from "@/lib/client/idempotency";
import { RecentSubmit } from "@/lib/client/repeat-submit";
import { isMessageKey } from "@/lib/i18n/translate";
import { type CreateGenerationInput, createGenerationSchema, type Mode } from "@/lib/shared/generation-schemas";
import type { GenerationView } from "@/lib/shared/generation-view";
import { type FieldErrors, fieldOfPath, type FormState, SLOTS_OF_MODE, validateForm } from "./form-state";
import type { SlotEntry, SlotKey, useImageSlots } from "./use-image-slots";

type Slots = ReturnType<typeof useImageSlots>;
export type SubmitPhase = "idle" | "uploading" | "sending";
type Accepted = { id: string; status: string; generation: GenerationView; takes?: GenerationView[]; stopped?: { code: string; missing: number } | null };
/** A repeat waiting for the user's answer: what to send, under which key; ageMs null when the server noticed it. */
export type PendingRepeat = { mode: Mode; data: CreateGenerationInput; takes: number; key: string; ageMs: number | null };

const RETRY_DELAYS_MS = [600, 2_000];

function wait(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}

function bodyFor(mode: Mode, form: FormState, uploadIds: string[]): unknown {
  if (mode === "text") return { mode, ...form.text, prompt: form.text.prompt.trim() };
  const f = form[mode];
  const common = { prompt: f.prompt.trim(), movementAmplitude: f.movementAmplitude, withAudio: f.withAudio };
  return mode === "image" ? { mode, ...common, uploadId: uploadIds[0] } : { mode, ...common, uploadIds };
}

/**
 * Generate: browser checks → wait for uploads → schema check → POST with an Idempotency-Key that is
 * generated once per intent and reused for automatic retries (network error, 5xx) and for a repeated
 * click on the same unchanged form, so one intent makes one clip. A re-entrancy guard drops the
 * second click of a double-click before React has even re-rendered the disabled button. The same
 * submission again within SAME_GESTURE_MS reuses the accepted key (one clip); later within the repeat
 * window it waits for the user's answer in `repeat` (confirmRepeat / cancelRepeat).
 */
export function useSubmitGeneration({
  slots,
  onAccepted,
  onInvalid,
}: {
  slots: Slots;
  onAccepted: (view: GenerationView) => void;
  onInvalid: (errors: FieldErrors) => void;
}) {
  const { teamId } = useWorkspace();
  const [phase, setPhase] = useState<SubmitPhase>("idle");
  const [errors, setErrors] = useState<FieldErrors>({});
  const busy = useRef(false);
  const intent = useRef(new IntentKey());
  const recent = useRef(new RecentSubmit());
  const [repeat, setRepeat] = useState<PendingRepeat | null>(null);

  const fail = useCallback(
    (mode: Mode, e: ApiError) => {
      const errs: FieldErrors = {};
      for (const f of e.fields) errs[fieldOfPath(mode, f.path)] ??= { api: new ApiError(e.status, e.code, f.message, f.messages) };
      if (!e.fields.length) errs.form = { api: e };
      setErrors(errs);
      onInvalid(errs);
    },
    [onInvalid],
  );

  /** POST with retries of the same key (network error, 5xx); a refused repeat (another tab was first) asks. */
  const send = useCallback(
    async (mode: Mode, data: CreateGenerationInput, takes: number, key: string, confirmRepeat: boolean) => {
      setPhase("sending");
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await apiFetch<Accepted>(withWorkspace("/api/generations", teamId), {
            method: "POST",
            headers: { "Idempotency-Key": key },
            json: { ...data, ...(takes > 1 ? { takes } : {}), ...(confirmRepeat ? { confirmRepeat: true } : {}) },
          });
          intent.current.reset();
          recent.current.remember(data, key, Date.now());
          const views = res.takes?.length ? res.takes : [res.generation];
          for (const v of [...views].reverse()) onAccepted(v);
          if (res.stopped) {
            const stopped: FieldErrors = { form: { key: "studio.takes.stopped", vars: { made: views.length, missing: res.stopped.missing } } };
            setErrors(stopped);
            onInvalid(stopped);
          }
          return;
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          const delay = RETRY_DELAYS_MS[attempt];
          if (e.retryable && delay !== undefined) {
            await wait(delay);
            continue;
          }
          if (e.code === "repeat_submission" && !confirmRepeat) {
            setRepeat({ mode, data, takes, key, ageMs: null });
            return;
          }
          fail(mode, e);
          return;
        }
      }
    },
    [teamId, onAccepted, onInvalid, fail],
  );

  const submit = useCallback(
    async (mode: Mode, form: FormState, takes = 1) => {
      if (busy.current) return;
      const current = slots.slots as Record<SlotKey, SlotEntry | null>;
      const found = validateForm(mode, form, current);
      for (const k of SLOTS_OF_MODE[mode]) {
        const e = current[k];
        if (e?.problem?.kind === "client") found[k] ??= { key: "studio.image.error.fix" };
      }
      if (Object.keys(found).length) {
        setErrors(found);
        onInvalid(found);
        return;
      }
      busy.current = true;
      setErrors({});
      try {
        setPhase("uploading");
        const uploads = await Promise.all(SLOTS_OF_MODE[mode].map((k) => slots.ensureUploaded(k)));
        const missing = SLOTS_OF_MODE[mode].filter((_, i) => !uploads[i]);
        if (missing.length) {
          const errs: FieldErrors = {};
          for (const k of missing) errs[k] = { key: "studio.image.error.uploadFailed" };
          setErrors(errs);
          onInvalid(errs);
          return;
        }
        const body = bodyFor(mode, form, uploads.map((u) => u?.id ?? ""));
        const parsed = createGenerationSchema.safeParse(body);
        if (!parsed.success) {
          const errs: FieldErrors = {};
          for (const issue of parsed.error.issues) {
            const field = fieldOfPath(mode, issue.path.map(String).join("."));
            errs[field] ??= { key: isMessageKey(issue.message) ? issue.message : "errors.field.invalid" };
          }
          setErrors(errs);
          onInvalid(errs);
          return;
        }
        const verdict = recent.current.judge(parsed.data, Date.now());
        if (verdict.kind === "repeat") {
          // The same submission moments after the last one: ask before spending (a new key if confirmed).
          setRepeat({ mode, data: parsed.data, takes, key: newIdempotencyKey(), ageMs: verdict.ageMs });
          return;
        }
        // The same press again (double-click, Ctrl+Enter then a click): the accepted key, so the server replays that clip.
        // The key's intent includes the take count: a changed count is a new request.
        await send(mode, parsed.data, takes, verdict.kind === "same-gesture" ? verdict.key : intent.current.for({ ...parsed.data, takes }), false);
      } finally {
        busy.current = false;
        setPhase("idle");
      }
    },
    [slots, onInvalid, send],
  );

  const confirmRepeat = useCallback(async () => {
    const r = repeat;
    if (!r || busy.current) return;
    setRepeat(null);
    busy.current = true;
    try {
      await send(r.mode, r.data, r.takes, r.key, true);
    } finally {
      busy.current = false;
      setPhase("idle");
    }
  }, [repeat, send]);
  const cancelRepeat = useCallback(() => setRepeat(null), []);

  const clearError = useCallback((field: keyof FieldErrors) => {
    setErrors((e) => {
      if (!(field in e)) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });
  }, []);

  return { submit, phase, errors, clearError, repeat, confirmRepeat, cancelRepeat };
}
