import { z } from "zod";
import { idSchema } from "./ids";

// Request bodies of the budget routes (PUT/DELETE /api/teams/:teamId/budgets, PUT /api/admin/budget)
// and the key a budget form sends. Amounts are integer fen; messages are i18n keys (route() turns
// them into field errors).

/** ¥10,000,000: far above any real budget, well inside a 32-bit INTEGER column. */
export const MAX_LIMIT_FEN = 1_000_000_000;

const LIMIT_MSG = "errors.field.budget_limit";
const limitFen = z.number({ error: LIMIT_MSG }).int(LIMIT_MSG).min(0, LIMIT_MSG).max(MAX_LIMIT_FEN, LIMIT_MSG);

export const teamBudgetKeySchema = z
  .object({
    scope: z.enum(["TEAM_MONTHLY", "MEMBER_MONTHLY"]),
    userId: idSchema.nullable().optional(),
  })
  .strict()
  .refine((b) => b.scope === "MEMBER_MONTHLY" || b.userId == null, { path: ["userId"], message: "errors.field.invalid" });

export const putTeamBudgetSchema = z
  .object({
    scope: z.enum(["TEAM_MONTHLY", "MEMBER_MONTHLY"]),
    userId: idSchema.nullable().optional(),
    limitFen,
  })
  .strict()
  .refine((b) => b.scope === "MEMBER_MONTHLY" || b.userId == null, { path: ["userId"], message: "errors.field.invalid" });

export const putInstanceBudgetSchema = z.object({ limitFen }).strict();

export type TeamBudgetKey = z.infer<typeof teamBudgetKeySchema>;
export type PutTeamBudget = z.infer<typeof putTeamBudgetSchema>;
