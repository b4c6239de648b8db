"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { PromptHelp } from "@/components/prompt-help/prompt-help";
import { TextareaField } from "@/components/ui/textarea-field";
import { PromptHistory } from "./prompt-history";
import { PROMPT_MAX_CHARS, promptLength } from "@/lib/shared/upstream/video-models";

const WARN_AT = Math.floor(PROMPT_MAX_CHARS * 0.9);

/** The prompt with its code-point counter (x/512): amber from 90 %, red and invalid past the limit; recent prompts to reuse beside it, prompt help below it. */
export function PromptField({
  id,
  value,
  onChange,
  required,
  error,
  placeholder,
  hint,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
  error?: string;
  placeholder: string;
  hint?: string;
}) {
  const { t } = useI18n();
  const count = promptLength(value);
  const over = count > PROMPT_MAX_CHARS;
  // Past the limit the live, specific message wins over the generic one from a Generate attempt.
  const shownError = over ? t("studio.error.promptTooLongBy", { count, max: PROMPT_MAX_CHARS }) : error;
  return (
    <div className="flex flex-col gap-2">
      <TextareaField
        id={id}
        name="prompt"
        label={t("studio.prompt.label")}
        optionalLabel={required ? undefined : t("studio.optional")}
        aria-required={required || undefined}
        placeholder={placeholder}
        hint={hint}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        count={count}
        max={PROMPT_MAX_CHARS}
        warnAt={WARN_AT}
        counterLabel={t("studio.prompt.counter", { count, max: PROMPT_MAX_CHARS })}
        error={shownError}
        aside={<PromptHistory promptId={id} onPick={onChange} />}
        rows={4}
        spellCheck
      />
      <PromptHelp fieldId={id} text={value} onAccept={onChange} />
    </div>
  );
}
