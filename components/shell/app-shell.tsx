import type { ReactNode } from "react";
import { WorkspaceProvider } from "@/lib/client/workspace-context";
import type { Translate } from "@/lib/i18n/translate";
import type { ShellView } from "@/lib/shared/workspace-view";
import { LanguageSwitch } from "./language-switch";
import { NavLinks } from "./nav-links";
import { SimulatorBadge } from "./simulator-badge";
import { SkipLink } from "./skip-link";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

/** The signed-in frame of every app page: skip link, header (nav, workspace, language, account), main. */
export function AppShell({ shell, t, children }: { shell: ShellView; t: Translate; children: ReactNode }) {
  const { workspace } = shell;
  return (
    <WorkspaceProvider value={workspace}>
      <SkipLink label={t("nav.skip")} />
      <header className="border-b border-zinc-200 bg-white/90 dark:border-zinc-800 dark:bg-zinc-950/90">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2 sm:px-6">
          <a href="/" className="text-lg font-semibold tracking-tight">
            {t("app.name")}
          </a>
          {shell.simulator && <SimulatorBadge t={t} />}
          <NavLinks isAdmin={shell.isInstanceAdmin} />
          <div className="ml-auto flex flex-wrap items-center gap-2">
            <WorkspaceSwitcher />
            <LanguageSwitch />
            <UserMenu email={shell.email} name={shell.name} isAdmin={shell.isInstanceAdmin} />
          </div>
        </div>
      </header>
      <main key={workspace.teamId ?? "personal"} id="main" tabIndex={-1} className="mx-auto max-w-7xl px-3 py-6 outline-none sm:px-6">
        {children}
      </main>
    </WorkspaceProvider>
  );
}
