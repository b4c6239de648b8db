import { getT } from "@/lib/server/i18n";

// Every notFound() outside the share pages (a team or clip you are not in, a mistyped URL): the same
// answer for "missing" and "not yours", in the visitor's language.
export default async function NotFound() {
  const { t } = await getT();
  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-3 px-4 py-16">
      <h1 className="text-2xl font-semibold">{t("notFound.title")}</h1>
      <p className="text-zinc-700 dark:text-zinc-300">{t("notFound.body")}</p>
      <p>
        <a href="/" className="font-medium text-indigo-700 underline dark:text-indigo-300">
          {t("notFound.home")}
        </a>
      </p>
    </main>
  );
}
