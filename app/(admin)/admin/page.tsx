import { AdminUsersPanel } from "@/components/admin/admin-users-panel";
import { HeldTakesPanel } from "@/components/admin/held-takes-panel";
import { InstanceBudgetForm } from "@/components/admin/instance-budget-form";
import { InstanceSettingsForm } from "@/components/admin/instance-settings-form";
import { UpstreamFactsPanel } from "@/components/admin/upstream-facts-panel";
import { getActor } from "@/lib/server/auth/session";
import { readUpstreamFacts } from "@/lib/server/bigmodel/upstream-facts-store";
import { instanceBudgetView } from "@/lib/server/budgets/budget-settings";
import { db } from "@/lib/server/db";
import { listHeldTakes } from "@/lib/server/generations/held-takes";
import { getT } from "@/lib/server/i18n";
import { getRegistrationMode } from "@/lib/server/settings/registration";
import { listUsers } from "@/lib/server/users/manage-users";

export default async function AdminPage() {
  const { t } = await getT();
  const actor = await getActor();
  if (actor?.role !== "ADMIN") {
    return (
      <p role="alert" className="text-red-700 dark:text-red-400">
        {t("admin.forbidden")}
      </p>
    );
  }
  const [users, registration, instanceBudget, held, facts] = await Promise.all([
    listUsers(db()),
    getRegistrationMode(db()),
    instanceBudgetView(db()),
    listHeldTakes(db()),
    readUpstreamFacts(db()),
  ]);
  return (
    <section aria-labelledby="admin-title" className="flex max-w-xl flex-col gap-4">
      <h1 id="admin-title" className="text-2xl font-semibold">
        {t("admin.title")}
      </h1>
      <InstanceSettingsForm registration={registration} />
      <AdminUsersPanel initial={users.users} selfId={actor.id} />
      <InstanceBudgetForm initial={instanceBudget} />
      <HeldTakesPanel initial={held} />
      <UpstreamFactsPanel facts={facts} t={t} />
    </section>
  );
}
