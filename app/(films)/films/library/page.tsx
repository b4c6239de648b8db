import { ReferenceLibrary } from "@/components/films/reference-library";
import { getT } from "@/lib/server/i18n";

// /films/library — the workspace's characters and products (loaded in the browser from /api/references, which authorizes).
export default async function LibraryPage() {
  const { t } = await getT();
  return (
    <section aria-labelledby="library-title" className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 id="library-title" className="text-2xl font-semibold">
          {t("films.library.title")}
        </h1>
        <p className="text-zinc-700 dark:text-zinc-300">{t("films.library.intro")}</p>
      </header>
      <ReferenceLibrary />
    </section>
  );
}
