import Link from "next/link";
import { FilmsView } from "@/components/films/films-view";
import { PageSection } from "@/components/ui/page-section";
import { getT } from "@/lib/server/i18n";

export default async function FilmsPage() {
  const { t } = await getT();
  const libraryLink = (
    <Link href="/films/library" className="self-start text-sm font-semibold text-indigo-800 underline dark:text-indigo-300">
      {t("films.library.link")}
    </Link>
  );
  return (
    <PageSection id="films" title={t("films.title")} intro={t("films.intro")} headerExtra={libraryLink}>
      <FilmsView />
    </PageSection>
  );
}
