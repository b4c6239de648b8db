"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Switch } from "@/components/ui/switch";
import { fieldErrorText } from "./field-error";
import { type FieldErrors, type ImageForm, pairRatioError } from "./form-state";
import { ImageSlot } from "./image-slot";
import { MovementChoice } from "./movement-choice";
import { OutputShape } from "./output-shape";
import { PromptField } from "./prompt-field";
import type { SlotKey, useImageSlots } from "./use-image-slots";
import { ActionButton } from "@/components/ui/action-button";

/** Start–end frames: both images (required, same shape, similar resolution), the output's shape, optional prompt, movement, background music. */
export function StartEndFields({
  value,
  onChange,
  errors,
  slots,
  onPick,
}: {
  value: ImageForm;
  onChange: (patch: Partial<ImageForm>) => void;
  errors: FieldErrors;
  slots: ReturnType<typeof useImageSlots>;
  onPick: (key: SlotKey, file: File) => void;
}) {
  const { locale, t } = useI18n();
  const { start, end } = slots.slots;
  // The pair check is live: it appears as soon as both sizes are known, not only on Generate.
  const pair = pairRatioError(start, end);
  return (
    <div className="flex flex-col gap-5">
      <div className="grid items-start gap-3 md:grid-cols-[1fr_auto_1fr]">
        <ImageSlot
          id="start-frame"
          name="start"
          label={t("studio.image.startFrame")}
          required
          entry={start}
          extraError={fieldErrorText(errors.start, locale, t)}
          onFile={(f) => onPick("start", f)}
          onRemove={() => slots.remove("start")}
        />
        <div className="flex justify-center md:pt-24">
          <ActionButton
            type="button"
            onClick={() => slots.swap("start", "end")}
            disabled={!start && !end}
            aria-label={t("studio.image.swap")}
            title={t("studio.image.swap")}
            className="rounded-full border border-zinc-400 px-3 py-1.5 text-sm font-medium text-zinc-800 hover:bg-zinc-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-600 dark:text-zinc-200 dark:hover:bg-zinc-800"
          >
            <span aria-hidden="true" className="inline-block rotate-90 md:rotate-0">
              ⇄
            </span>
            <span className="ml-1 md:sr-only">{t("studio.image.swapShort")}</span>
          </ActionButton>
        </div>
        <ImageSlot
          id="end-frame"
          name="end"
          label={t("studio.image.endFrame")}
          required
          entry={end}
          extraError={fieldErrorText(errors.end ?? pair, locale, t)}
          onFile={(f) => onPick("end", f)}
          onRemove={() => slots.remove("end")}
        />
      </div>
      <OutputShape frame={start} />
      <PromptField
        id="start-end-prompt"
        value={value.prompt}
        onChange={(prompt) => onChange({ prompt })}
        error={fieldErrorText(errors.prompt, locale, t)}
        placeholder={t("studio.prompt.placeholderStartEnd")}
        hint={t("studio.prompt.hintStartEnd")}
      />
      <MovementChoice name="start-end-movement" value={value.movementAmplitude} onChange={(movementAmplitude) => onChange({ movementAmplitude })} />
      <Switch
        id="start-end-audio"
        label={t("studio.audio.label")}
        description={t("studio.audio.hint")}
        checked={value.withAudio}
        onChange={(withAudio) => onChange({ withAudio })}
      />
    </div>
  );
}
