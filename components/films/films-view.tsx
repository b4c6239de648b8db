"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useAnnounce } from "@/components/ui/live-region";
import { Segmented } from "@/components/ui/segmented";
import { ApiError } from "@/lib/client/api-error";
import { fieldErrorsOf } from "@/lib/client/field-errors";
import { useWorkspace } from "@/lib/client/workspace-context";
import { FILM_ASPECTS, type FilmAspect } from "@/lib/shared/film/cut";
import type { FilmSummary } from "@/lib/shared/film/film-views";
import { STYLES } from "@/lib/shared/upstream/video-models";
import { createFilm, listFilms } from "./film-api";
import { FieldError } from "@/components/ui/field-error";

type Style = (typeof STYLES)[number];

function CreateFilmForm() {
  const { locale, t } = useI18n();
  const announce = useAnnounce();
  const router = useRouter();
  const { teamId, canGenerate } = useWorkspace();
  const id = useId();
  const [title, setTitle] = useState("");
  const [aspect, setAspect] = useState<FilmAspect>("16:9");
  const [style, setStyle] = useState<Style>("general");
  const [busy, setBusy] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setFields({});
    setFormError(null);
    if (!title.trim()) {
      setFields({ title: t("errors.field.required") });
      return;
    }
    setBusy(true);
    announce(t("films.create.busy"));
    try {
      const { film } = await createFilm(teamId, { title, aspect, style });
      announce(t("films.create.done", { title: film.title }));
      router.push(`/films/${film.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) {
        setFields(fieldErrorsOf(err, locale));
      } else {
        setFormError(err instanceof ApiError ? (err.status === 0 ? t("studio.error.network") : err.localized(locale)) : String(err));
      }
      setBusy(false);
    }
  }

  if (!canGenerate) return <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("films.create.viewer")}</p>;
  return (
    <form onSubmit={submit} aria-labelledby={`${id}-h`} noValidate className="flex flex-col gap-4 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        {t("films.create.title")}
      </h2>
      <Field id={`${id}-title`} label={t("films.create.filmTitle")} value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} error={fields.title} />
      <Segmented
        name={`${id}-aspect`}
        legend={t("films.create.aspect")}
        options={FILM_ASPECTS.map((a) => ({ value: a, label: a }))}
        value={aspect}
        onChange={setAspect}
      />
      {fields.aspect && <p className="text-sm text-red-700 dark:text-red-400">{fields.aspect}</p>}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-style`} className="text-sm font-medium">
          {t("films.create.style")}
        </label>
        <select
          id={`${id}-style`}
          value={style}
          onChange={(e) => setStyle(e.target.value as Style)}
          aria-invalid={fields.style ? true : undefined}
          aria-describedby={fields.style ? `${id}-style-error` : undefined}
          className="rounded-md border border-zinc-400 bg-white px-3 py-2 dark:border-zinc-600 dark:bg-zinc-900"
        >
          {STYLES.map((s) => (
            <option key={s} value={s}>
              {t(`studio.style.${s}`)}
            </option>
          ))}
        </select>
        {fields.style && (
          <FieldError id={`${id}-style-error`}>{fields.style}</FieldError>
        )}
      </div>
      {formError && (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          {formError}
        </p>
      )}
      <Button type="submit" disabled={busy} className="self-start" data-testid="create-film">
        {busy ? t("films.create.busy") : t("films.create.submit")}
      </Button>
    </form>
  );
}

function FilmList() {
  const { locale, t } = useI18n();
  const { teamId } = useWorkspace();
  const [films, setFilms] = useState<FilmSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    listFilms(teamId).then(
      (r) => setFilms(r.items),
      (e: unknown) => setError(e instanceof ApiError ? e.localized(locale) : String(e)),
    );
  }, [locale, teamId]);
  useEffect(load, [load]);

  if (error) return <p role="alert" className="text-red-700 dark:text-red-400">{error}</p>;
  if (!films) return <p>{t("films.loading")}</p>;
  if (films.length === 0) return <p className="text-zinc-700 dark:text-zinc-300">{t("films.empty")}</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="film-list">
      {films.map((f) => (
        <li key={f.id} className="rounded-xl border border-zinc-200 p-4 dark:border-zinc-800" data-testid="film-row">
          <Link href={`/films/${f.id}`} className="text-lg font-semibold text-indigo-800 underline dark:text-indigo-300">
            {f.title}
          </Link>
          <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
            {t("films.row.facts", { aspect: f.aspect, shots: f.shotCount })}
            {f.approved && <> · {t("films.approved", { n: f.approved.n, m: f.approved.m })}</>}
          </p>
        </li>
      ))}
    </ul>
  );
}

export function FilmsView() {
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <FilmList />
      <CreateFilmForm />
    </div>
  );
}
