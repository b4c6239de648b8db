"use client";
import { type FormEvent, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";

export function InstanceSettingsForm({ registration }: { registration: "open" | "invite" }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<string>("");
  const [token, setToken] = useState<string>("");
  // What the chosen mode means, in plain words, next to the switch (updates as the choice changes).
  const [mode, setMode] = useState(registration);

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const mode = new FormData(e.currentTarget).get("registration");
    const res = await fetch("/api/admin/settings", {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ registration: mode }),
    });
    const body = (await res.json()) as { error?: { message: string } };
    setStatus(res.ok ? t("admin.saved") : (body.error?.message ?? ""));
  }

  async function invite() {
    const res = await fetch("/api/admin/invites", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    const body = (await res.json()) as { token?: string; error?: { message: string } };
    if (body.token) setToken(body.token);
    else setStatus(body.error?.message ?? "");
  }

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={save} className="flex flex-col gap-3">
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-medium">{t("admin.registration")}</legend>
          {(["open", "invite"] as const).map((m) => (
            <label key={m} className="flex items-center gap-2">
              <input type="radio" name="registration" value={m} defaultChecked={registration === m} onChange={() => setMode(m)} aria-describedby="registration-plain" />
              {t(`admin.registration.${m}`)}
            </label>
          ))}
          <p id="registration-plain" className="font-medium" data-testid="registration-plain">
            {t(`admin.registration.${mode}.plain`)}
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("admin.registration.default")}</p>
        </fieldset>
        <Button type="submit" className="self-start">
          {t("admin.save")}
        </Button>
      </form>
      <p role="status" className="text-sm">
        {status}
      </p>
      <Button type="button" variant="secondary" className="self-start" onClick={() => void invite()}>
        {t("admin.invite.create")}
      </Button>
      {token && (
        <p className="break-all rounded-md bg-zinc-100 p-2 font-mono text-sm dark:bg-zinc-900">{t("admin.invite.created", { token })}</p>
      )}
    </div>
  );
}
