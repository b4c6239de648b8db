"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Switch } from "@/components/ui/switch";
import { fieldErrorText } from "./field-error";
import type { FieldErrors, ImageForm } from "./form-state";
import { ImageSlot } from "./image-slot";
import { MovementChoice } from "./movement-choice";
import { PromptField } from "./prompt-field";
import type { useImageSlots } from "./use-image-slots";

/** Image → video: first-frame image (required), optional prompt, movement amplitude, background music. */
export function ImageFields({
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
  onPick: (file: File) => void;
}) {
  const { locale, t } = useI18n();
  return (
    <div className="flex flex-col gap-5">
      <div className="grid gap-5 md:grid-cols-2">
        <ImageSlot
          id="image-first"
          name="image"
          label={t("studio.image.firstFrame")}
          required
          entry={slots.slots.image}
          extraError={fieldErrorText(errors.image, locale, t)}
          onFile={onPick}
          onRemove={() => slots.remove("image")}
        />
        <PromptField
          id="image-prompt"
          value={value.prompt}
          onChange={(prompt) => onChange({ prompt })}
          error={fieldErrorText(errors.prompt, locale, t)}
          placeholder={t("studio.prompt.placeholderImage")}
          hint={t("studio.prompt.hintImage")}
        />
      </div>
      <MovementChoice name="image-movement" value={value.movementAmplitude} onChange={(movementAmplitude) => onChange({ movementAmplitude })} />
      <Switch
        id="image-audio"
        label={t("studio.audio.label")}
        description={t("studio.audio.hint")}
        checked={value.withAudio}
        onChange={(withAudio) => onChange({ withAudio })}
      />
    </div>
  );
}
