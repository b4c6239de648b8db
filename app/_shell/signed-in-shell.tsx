import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getT } from "@/lib/server/i18n";
import { loadShellData } from "@/lib/server/shell/shell-data";

// The frame of the signed-in route groups (studio, gallery, teams, admin): loads the header's data
// here, on the server, and hands AppShell plain props. A private folder: not a route.

export async function SignedInShell({ children }: { children: ReactNode }) {
  const [shell, { t }] = await Promise.all([loadShellData(), getT()]);
  return (
    <AppShell shell={shell} t={t}>
      {children}
    </AppShell>
  );
}
