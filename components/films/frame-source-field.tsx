"use client";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ApiError } from "@/lib/client/api-error";
import { uploadImage } from "@/lib/client/upload";
import type { FrameSource } from "@/lib/shared/film/film-schemas";
import type { ReferenceView } from "@/lib/shared/film/film-views";
import { FieldError } from "@/components/ui/field-error";

type Kind = "none" | "upload" | "still" | "reference" | "previous";

const control = "rounded-md border border-zinc-400 bg-white px-3 py-2 text-sm dark:border-zinc-600 dark:bg-zinc-900";

/**
 * Where one frame of a shot comes from: nothing yet, an uploaded image, a reference of the
 * workspace's library, (start only) the previous shot's exact last frame, or one of the shot's
 * stills. A still is picked in the stills panel, not here, so its option is listed only while the
 * frame is one (shown as the still, with its picture, rather than as an upload it is stored like).
 */
export function FrameSourceField({
  id,
  legend,
  value,
  allowPrevious,
  references,
  disabled,
  error,
  onChange,
}: {
  id: string;
  legend: string;
  value: FrameSource | null;
  allowPrevious: boolean;
  references: ReferenceView[];
  disabled: boolean;
  error?: string;
  onChange: (v: FrameSource | null) => void;
}) {
  const { locale, t } = useI18n();
  const kind: Kind = value ? value.kind : "none";
  const [upload, setUpload] = useState<{ state: "busy" | "done" | "error"; text: string } | null>(null);
  // The kind the person picked, even before it has a value (an upload not yet made).
  const [picked, setPicked] = useState<Kind>(kind);
  const shown: Kind = kind === "none" ? picked : kind;

  function setKind(k: Kind) {
    if (k === "none" || k === "upload") onChange(null);
    else if (k === "previous") onChange({ kind: "previous" });
    else if (k === "reference") onChange(references[0] ? { kind: "reference", referenceId: references[0].id } : null);
    setUpload(null);
    setPicked(k);
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    setUpload({ state: "busy", text: t("films.frame.uploading") });
    try {
      const u = await uploadImage(file, () => {});
      onChange({ kind: "upload", uploadId: u.id });
      setUpload({ state: "done", text: t("films.frame.uploaded") });
    } catch (e) {
      setUpload({ state: "error", text: e instanceof ApiError ? e.localized(locale) : String(e) });
    }
  }

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      <select id={`${id}-kind`} aria-label={t("films.frame.kind", { frame: legend })} className={control} value={shown} disabled={disabled} onChange={(e) => setKind(e.target.value as Kind)}>
        <option value="none">{t("films.frame.none")}</option>
        <option value="upload">{t("films.frame.upload")}</option>
        {value?.kind === "still" && <option value="still">{t("films.frame.still")}</option>}
        <option value="reference">{t("films.frame.reference")}</option>
        {allowPrevious && <option value="previous">{t("films.frame.previous")}</option>}
      </select>
      {shown === "upload" && (
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp"
          aria-label={t("films.frame.file", { frame: legend })}
          disabled={disabled}
          onChange={(e) => void onFile(e.target.files?.[0])}
          className="text-sm"
        />
      )}
      {value?.kind === "still" && (
        <div className="flex items-center gap-2" data-testid="frame-still">
          {/* eslint-disable-next-line @next/next/no-img-element -- an authenticated upload, served by our route */}
          <img src={`/api/uploads/${encodeURIComponent(value.uploadId)}`} alt={t("films.frame.stillAlt", { frame: legend })} className="h-14 w-24 rounded object-cover" loading="lazy" />
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("stills.frameIsStill")}</p>
        </div>
      )}
      {shown === "reference" &&
        (references.length === 0 ? (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {t("films.frame.noReferences")}{" "}
            <Link href="/films/library" className="font-semibold text-indigo-800 underline dark:text-indigo-300">
              {t("films.library.link")}
            </Link>
          </p>
        ) : (
          <select
            aria-label={t("films.frame.referencePick", { frame: legend })}
            className={control}
            disabled={disabled}
            value={value?.kind === "reference" ? value.referenceId : ""}
            onChange={(e) => onChange({ kind: "reference", referenceId: e.target.value })}
          >
            {references.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        ))}
      {value?.kind === "upload" && !upload && <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("films.frame.uploaded")}</p>}
      {upload && (
        <p role={upload.state === "error" ? "alert" : "status"} className={`text-xs ${upload.state === "error" ? "text-red-700 dark:text-red-400" : "text-zinc-700 dark:text-zinc-300"}`}>
          {upload.text}
        </p>
      )}
      {error && (
        <FieldError id={`${id}-error`}>{error}</FieldError>
      )}
    </fieldset>
  );
}
