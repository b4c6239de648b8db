"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { isMessageKey } from "@/lib/i18n/translate";
import { signUpSchema } from "@/lib/shared/account-schemas";

type Errors = Partial<Record<"email" | "password" | "name" | "invite" | "form", string>>;

/** `invite`: a team invitation link's token the visitor came with (sent as the invitation, not shown). */
export function SignUpForm({ inviteOnly, invite, callbackUrl = "/" }: { inviteOnly: boolean; invite?: string; callbackUrl?: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = Object.fromEntries([...form.entries()].filter(([, v]) => v !== "").map(([k, v]) => [k, String(v)]));
    // The same schema the server uses: instant, identical messages.
    const parsed = signUpSchema.safeParse(input);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form") as keyof Errors;
        next[field] ??= t(isMessageKey(issue.message) ? issue.message : "errors.field.invalid");
      }
      setErrors(next);
      return;
    }
    setBusy(true);
    setErrors({});
    const res = await fetch("/api/account/sign-up", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(parsed.data),
    });
    if (!res.ok) {
      setBusy(false);
      const body = (await res.json().catch(() => null)) as {
        error?: { message?: string; fields?: { path: string; message: string }[] };
      } | null;
      const next: Errors = { form: body?.error?.message ?? t("auth.error.generic") };
      for (const f of body?.error?.fields ?? []) next[f.path as keyof Errors] = f.message;
      setErrors(next);
      return;
    }
    // The sign-up answer is the same for a new and an already registered email (no enumeration), so
    // whether an account is ready shows only here: signing in with these details works or it doesn't.
    const signedIn = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false }).catch(() => null);
    if (!signedIn?.ok || signedIn.error) {
      setBusy(false);
      setErrors({ form: t("auth.signUp.signInFailed") });
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field id="name" name="name" autoComplete="name" label={t("auth.field.name")} error={errors.name} />
      <Field id="email" name="email" type="email" autoComplete="email" required label={t("auth.field.email")} error={errors.email} />
      <Field
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        label={t("auth.field.password")}
        hint={t("auth.field.passwordHint")}
        error={errors.password}
      />
      {inviteOnly && <Field id="invite" name="invite" required label={t("auth.field.invite")} error={errors.invite} />}
      {invite && <input type="hidden" name="invite" value={invite} />}
      <div role="alert" aria-live="assertive" className="min-h-5 text-sm text-red-700 dark:text-red-400" data-testid="sign-up-error">
        {errors.form}
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? t("auth.working") : t("auth.signUp.submit")}
      </Button>
    </form>
  );
}
