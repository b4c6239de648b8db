"use client";
import { useCallback, useRef, useState } from "react";
import { useWorkspace, withWorkspace } from "@/lib/client/workspace-context";
import { apiFetch } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import { IntentKey } from "@/lib/client/idempotency";
import { isMessageKey } from "@/lib/i18n/translate";
import { createGenerationSchema, type Mode } from "@/lib/shared/generation-schemas";
import type { GenerationView } from "@/lib/shared/generation-view";
import { type FieldErrors, fieldOfPath, type FormState, SLOTS_OF_MODE, validateForm } from "./form-state";
import type { SlotEntry, SlotKey, useImageSlots } from "./use-image-slots";

type Slots = ReturnType<typeof useImageSlots>;
export type SubmitPhase = "idle" | "uploading" | "sending";
type Accepted = { id: string; status: string; generation: GenerationView };

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
 * second click of a double-click before React has even re-rendered the disabled button.
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

  const submit = useCallback(
    async (mode: Mode, form: FormState) => {
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
        setPhase("sending");
        const key = intent.current.for(parsed.data);
        for (let attempt = 0; ; attempt++) {
          try {
            const res = await apiFetch<Accepted>(withWorkspace("/api/generations", teamId), {
              method: "POST",
              headers: { "Idempotency-Key": key },
              json: parsed.data,
            });
            intent.current.reset();
            onAccepted(res.generation);
            return;
          } catch (e) {
            if (!(e instanceof ApiError)) throw e;
            const delay = RETRY_DELAYS_MS[attempt];
            if (e.retryable && delay !== undefined) {
              await wait(delay);
              continue;
            }
            const errs: FieldErrors = {};
            for (const f of e.fields) errs[fieldOfPath(mode, f.path)] ??= { api: new ApiError(e.status, e.code, f.message, f.messages) };
            if (!e.fields.length) errs.form = { api: e };
            setErrors(errs);
            onInvalid(errs);
            return;
          }
        }
      } finally {
        busy.current = false;
        setPhase("idle");
      }
    },
    [slots, onAccepted, onInvalid, teamId],
  );

  const clearError = useCallback((field: keyof FieldErrors) => {
    setErrors((e) => {
      if (!(field in e)) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });
  }, []);

  return { submit, phase, errors, clearError };
}
