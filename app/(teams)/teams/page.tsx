import { getT } from "@/lib/server/i18n";

export default async function TeamsPage() {
  const { t } = await getT();
  return (
    <section aria-labelledby="team-title" className="flex flex-col gap-2">
      <h1 id="team-title" className="text-2xl font-semibold">
        {t("team.title")}
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">{t("team.empty")}</p>
    </section>
  );
}
