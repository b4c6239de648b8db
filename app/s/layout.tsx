import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { SkipLink } from "@/components/shell/skip-link";
import { getT } from "@/lib/server/i18n";

// The public share pages' own frame: the app's name and nothing of any workspace (no navigation, no
// account, no team), and the language switch: a link is often opened by someone who reads the other
// language. Deliberately outside the route groups that wrap pages in the AppShell.
export default async function ShareLayout({ children }: { children: ReactNode }) {
  const { t } = await getT();
  return (
    <>
      <SkipLink label={t("nav.skip")} />
      <header className="border-b border-zinc-200 dark:border-zinc-800">
        <div className="mx-auto flex max-w-4xl items-center justify-between gap-3 px-4 py-3">
          <p className="text-lg font-semibold tracking-tight">{t("app.name")}</p>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-4xl px-4 py-6 outline-none">
        {children}
      </main>
    </>
  );
}
