import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { WorkspaceProvider } from "@/components/workspace/workspace-provider";
import { getActor } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { getT } from "@/lib/server/i18n";
import { accessOf, can } from "@/lib/server/permissions";
import { currentWorkspace, summarize, teamChoices } from "@/lib/server/workspace/current-workspace";
import { LanguageSwitch } from "./language-switch";
import { NavLinks } from "./nav-links";
import { SimulatorBadge } from "./simulator-badge";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

/** The signed-in frame of every app page: skip link, header (nav, workspace, language, account), main. */
export async function AppShell({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  const { t } = await getT();
  const access = await accessOf(db(), actor);
  const teams = await teamChoices(db(), access);
  const workspace = {
    ...summarize(await currentWorkspace(access), access, teams),
    teams: teams.map((team) => ({ id: team.id, name: team.name, canGenerate: can(access, team.id, "clip.generate") })),
  };
  return (
    <WorkspaceProvider value={workspace}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-indigo-700 focus:px-3 focus:py-2 focus:text-white"
      >
        {t("nav.skip")}
      </a>
      <header className="border-b border-zinc-200 bg-white/90 dark:border-zinc-800 dark:bg-zinc-950/90">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2 sm:px-6">
          <a href="/" className="text-lg font-semibold tracking-tight">
            {t("app.name")}
          </a>
          <SimulatorBadge />
          <NavLinks isAdmin={actor.role === "ADMIN"} />
          <div className="ml-auto flex flex-wrap items-center gap-2">
            <WorkspaceSwitcher teams={teams.map(({ id, name }) => ({ id, name }))} />
            <LanguageSwitch />
            <UserMenu email={actor.email} isAdmin={actor.role === "ADMIN"} />
          </div>
        </div>
      </header>
      <main key={workspace.teamId ?? "personal"} id="main" tabIndex={-1} className="mx-auto max-w-7xl px-3 py-6 outline-none sm:px-6">
        {children}
      </main>
    </WorkspaceProvider>
  );
}
