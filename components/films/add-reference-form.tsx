"use client";
import { useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Segmented } from "@/components/ui/segmented";
import { ApiError } from "@/lib/client/api-error";
import { fieldErrorsOf } from "@/lib/client/field-errors";
import { uploadImage } from "@/lib/client/upload";
import type { ReferenceView } from "@/lib/shared/film/film-views";
import { createReference } from "./film-api";
import { NoticeLine, useAction } from "./use-action";
import { FieldError } from "@/components/ui/field-error";

type Kind = ReferenceView["kind"];
const KINDS: readonly Kind[] = ["character", "product"];

/** Adds a named reference image to the workspace's library: the image goes through the ordinary upload flow first. */
export function AddReferenceForm({ teamId, onAdded }: { teamId: string | null; onAdded: (r: ReferenceView) => void }) {
  const { locale, t } = useI18n();
  const id = useId();
  const { run, notice, busy } = useAction();
  const [kind, setKind] = useState<Kind>("character");
  const [name, setName] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const fileInput = useRef<HTMLInputElement>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = t("errors.field.required");
    if (!file) missing.uploadId = t("films.library.imageRequired");
    setFields(missing);
    if (!file || Object.keys(missing).length > 0) return;
    const r = await run(
      "films.library.adding",
      (x: { reference: ReferenceView }) => t("films.library.added", { name: x.reference.name }),
      async () => createReference(teamId, { kind, name, uploadId: (await uploadImage(file, () => {})).id }),
      (err) => {
        const f = fieldErrorsOf(err, locale);
        // The upload's own refusals (type, size, pixels) belong next to the image field.
        if (err instanceof ApiError && !f.uploadId && /^(upload|image)_/.test(err.code)) f.uploadId = err.localized(locale);
        setFields(f);
        return false;
      },
    );
    if (r) {
      onAdded(r.reference);
      setName("");
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-h`} className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800" data-testid="add-reference">
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        {t("films.library.add")}
      </h2>
      <Segmented name={`${id}-kind`} legend={t("films.library.kind")} options={KINDS.map((k) => ({ value: k, label: t(`films.library.kind.${k}`) }))} value={kind} onChange={setKind} />
      <Field id={`${id}-name`} label={t("films.library.name")} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} error={fields.name} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-file`} className="text-sm font-medium">
          {t("films.library.image")}
        </label>
        <input
          id={`${id}-file`}
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-invalid={fields.uploadId ? true : undefined}
          aria-describedby={fields.uploadId ? `${id}-file-error` : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          className="text-sm"
        />
        {fields.uploadId && (
          <FieldError id={`${id}-file-error`}>{fields.uploadId}</FieldError>
        )}
      </div>
      <Button type="submit" disabled={busy} className="self-start" data-testid="add-reference-submit">
        {t("films.library.submit")}
      </Button>
      <NoticeLine notice={notice} testId="add-reference-notice" />
    </form>
  );
}
