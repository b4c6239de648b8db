import Link from "next/link";
import { FilmsView } from "@/components/films/films-view";
import { getT } from "@/lib/server/i18n";

export default async function FilmsPage() {
  const { t } = await getT();
  return (
    <section aria-labelledby="films-title" className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 id="films-title" className="text-2xl font-semibold">
          {t("films.title")}
        </h1>
        <p className="text-zinc-700 dark:text-zinc-300">{t("films.intro")}</p>
        <Link href="/films/library" className="self-start text-sm font-semibold text-indigo-800 underline dark:text-indigo-300">
          {t("films.library.link")}
        </Link>
      </header>
      <FilmsView />
    </section>
  );
}
