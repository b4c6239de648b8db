"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { AspectRatioChoice } from "./aspect-ratio-choice";
import { fieldErrorText } from "./field-error";
import type { FieldErrors, TextForm } from "./form-state";
import { MovementChoice } from "./movement-choice";
import { PromptField } from "./prompt-field";
import { StyleChoice } from "./style-choice";

/** Text → video: prompt (required), style, aspect ratio, movement amplitude. */
export function TextFields({ value, onChange, errors }: { value: TextForm; onChange: (patch: Partial<TextForm>) => void; errors: FieldErrors }) {
  const { locale, t } = useI18n();
  return (
    <div className="flex flex-col gap-5">
      <PromptField
        id="text-prompt"
        required
        value={value.prompt}
        onChange={(prompt) => onChange({ prompt })}
        error={fieldErrorText(errors.prompt, locale, t)}
        placeholder={t("studio.prompt.placeholderText")}
      />
      <div className="grid gap-5 md:grid-cols-2">
        <StyleChoice value={value.style} onChange={(style) => onChange({ style })} />
        <AspectRatioChoice value={value.aspectRatio} onChange={(aspectRatio) => onChange({ aspectRatio })} />
      </div>
      <MovementChoice name="text-movement" value={value.movementAmplitude} onChange={(movementAmplitude) => onChange({ movementAmplitude })} />
    </div>
  );
}
