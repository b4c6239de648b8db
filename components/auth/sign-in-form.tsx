"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function SignInForm({ callbackUrl, providers }: { callbackUrl: string; providers: { id: string; name: string }[] }) {
  const { t } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => undefined);
    setBusy(false);
    if (res?.ok && !res.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    const throttled = /^throttled:(\d+)$/.exec(res?.error ?? "");
    if (throttled) setError(t("auth.error.throttled", { seconds: throttled[1] ?? "60" }));
    else if (res?.error === "CredentialsSignin") setError(t("auth.error.invalid"));
    else setError(t("auth.error.generic"));
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <Field id="email" name="email" type="email" autoComplete="email" required label={t("auth.field.email")} />
        <Field id="password" name="password" type="password" autoComplete="current-password" required label={t("auth.field.password")} />
        <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700 dark:text-red-400" data-testid="sign-in-error">
          {error}
        </div>
        <Button type="submit" disabled={busy}>
          {busy ? t("auth.working") : t("auth.signIn.submit")}
        </Button>
      </form>
      {providers.length > 0 && (
        <>
          <p className="text-center text-xs text-zinc-600 dark:text-zinc-400">{t("auth.signIn.or")}</p>
          {providers.map((p) => (
            <Button key={p.id} type="button" variant="secondary" onClick={() => void signIn(p.id, { callbackUrl })}>
              {t("auth.signIn.with", { provider: p.name })}
            </Button>
          ))}
        </>
      )}
    </div>
  );
}
