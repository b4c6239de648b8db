"use client";
import { useEffect, useId, useRef } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

/** A comment's text being written (a new one at a time code, or an edit): the cursor starts in it. */
export function CommentForm({
  formLabel,
  fieldLabel,
  body,
  onBody,
  onSubmit,
  onCancel,
  busy,
  submitLabel,
  submitTestId,
  boxTestId,
}: {
  formLabel: string;
  fieldLabel: string;
  body: string;
  onBody: (body: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
  busy: boolean;
  submitLabel: string;
  submitTestId: string;
  boxTestId?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim()) onSubmit();
      }}
      className="flex flex-col gap-2"
      aria-label={formLabel}
    >
      <label htmlFor={`${id}-c`} className="text-sm font-medium">
        {fieldLabel}
      </label>
      <textarea
        id={`${id}-c`}
        ref={box}
        maxLength={2000}
        value={body}
        onChange={(e) => onBody(e.target.value)}
        className="min-h-16 rounded-md border border-zinc-400 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900"
        data-testid={boxTestId}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={busy || !body.trim()} data-testid={submitTestId}>
          {submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("films.cancel")}
        </Button>
      </div>
    </form>
  );
}
