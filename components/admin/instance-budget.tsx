import { instanceBudgetView } from "@/lib/server/budgets/budget-settings";
import { db } from "@/lib/server/db";
import { InstanceBudgetForm } from "./instance-budget-form";

/** The admin page's instance daily cap section: today's instance-wide spend and the cap editor. */
export async function InstanceBudget() {
  return <InstanceBudgetForm initial={await instanceBudgetView(db())} />;
}
