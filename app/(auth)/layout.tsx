import type { ReactNode } from "react";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { SimulatorBadge } from "@/components/shell/simulator-badge";
import { usingSimulator } from "@/lib/server/env";
import { getT } from "@/lib/server/i18n";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = await getT();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-3">
        <span className="flex items-center gap-3">
          <span className="text-lg font-semibold">{t("app.name")}</span>
          {usingSimulator() && <SimulatorBadge t={t} />}
        </span>
        <LanguageSwitch />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 py-8 sm:items-center">
        <div className="w-full max-w-sm rounded-xl border border-zinc-200 p-6 shadow-sm dark:border-zinc-800">{children}</div>
      </main>
    </div>
  );
}
