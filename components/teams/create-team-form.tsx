"use client";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TEAM_NAME_MAX } from "@/lib/shared/team-limits";
import { createTeam, switchToTeam } from "./team-api";
import { CARD, H2 } from "./styles";
import { useTeamAction } from "./use-team-action";

/** Creates a team, makes it the workspace and opens its page. */
export function CreateTeamForm() {
  const { t } = useI18n();
  const router = useRouter();
  const [name, setName] = useState("");
  const { busy, error, run } = useTeamAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    let id = "";
    const ok = await run(async () => {
      id = (await createTeam(name)).id;
      await switchToTeam(id);
    }, "name");
    if (ok) {
      router.push(`/teams/${id}`);
      router.refresh(); // the shared frame (workspace switcher) re-reads the new workspace
    }
  }

  return (
    <section aria-labelledby="create-team-title" className={CARD}>
      <h2 id="create-team-title" className={H2}>
        {t("teams.create.heading")}
      </h2>
      <form onSubmit={submit} className="mt-3 flex flex-col gap-3" noValidate>
        <Field
          id="create-team-name"
          label={t("teams.create.name")}
          hint={t("teams.create.hint")}
          error={error ?? undefined}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={TEAM_NAME_MAX}
          required
          autoComplete="off"
        />
        <div>
          <Button type="submit" disabled={busy || !name.trim()}>
            {busy ? t("teams.busy") : t("teams.create.submit")}
          </Button>
        </div>
      </form>
    </section>
  );
}
