import type { ReactNode } from "react";
import { SignedInShell } from "@/app/_shell/signed-in-shell";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { getActor } from "@/lib/server/auth/session";
import { getT } from "@/lib/server/i18n";

// The invitation landing is for members and newcomers alike: signed in, the usual frame; signed out,
// a bare frame with the language switch (a newcomer has no account yet, so nothing else to show).
export default async function JoinLayout({ children }: { children: ReactNode }) {
  if (await getActor()) return <SignedInShell>{children}</SignedInShell>;
  const { t } = await getT();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-4 py-3">
        <span className="text-lg font-semibold">{t("app.name")}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="flex-1 px-3 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
