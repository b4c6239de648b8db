"use client";
import { useState } from "react";
import { useFormatTime } from "@/components/i18n/time-zone";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import type { ResetLinkView } from "@/lib/shared/account-views";

/** A reset link shown once, with a copy button that says when it copied. */
export function ResetLinkBox({ email, link }: { email: string; link: ResetLinkView }) {
  const { t } = useI18n();
  const when = useFormatTime();
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(link.url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }
  return (
    <div className="flex flex-col gap-2 rounded-md bg-zinc-100 p-3 dark:bg-zinc-900" data-testid="reset-link-box">
      <p className="text-sm">{t("admin.users.resetLinkFor", { email, until: when(link.expiresAt) })}</p>
      <input readOnly aria-label={t("admin.users.resetLink")} value={link.url} onFocus={(e) => e.currentTarget.select()} className="w-full rounded border border-zinc-400 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-600 dark:bg-zinc-950" data-testid="reset-link-url" />
      <div className="flex items-center gap-2">
        <Button type="button" variant="secondary" onClick={() => void copy()}>
          {t("admin.users.copy")}
        </Button>
        <span role="status" className="text-sm text-green-800 dark:text-green-300">
          {copied ? t("admin.users.copied") : ""}
        </span>
      </div>
    </div>
  );
}
