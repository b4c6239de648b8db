import type { ReactNode } from "react";
import { SignedInShell } from "@/app/_shell/signed-in-shell";

export default function Layout({ children }: { children: ReactNode }) {
  return <SignedInShell>{children}</SignedInShell>;
}
