import { getT } from "@/lib/server/i18n";

// Unknown, revoked and expired links all read the same (status 404 from notFound()).
export default async function ShareNotFound() {
  const { t } = await getT();
  return (
    <section aria-labelledby="share-missing" className="flex flex-col gap-2">
      <h1 id="share-missing" className="text-2xl font-semibold">
        {t("share.page.missingTitle")}
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">{t("share.page.missingBody")}</p>
    </section>
  );
}
