import { getT } from "@/lib/server/i18n";

export default async function StudioPage() {
  const { t } = await getT();
  return (
    <section aria-labelledby="studio-title" className="flex flex-col gap-2">
      <h1 id="studio-title" className="text-2xl font-semibold">
        {t("studio.title")}
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">{t("studio.intro")}</p>
    </section>
  );
}
