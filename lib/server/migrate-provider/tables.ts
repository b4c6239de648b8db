import "server-only";
import { Prisma } from "@/lib/generated/sqlite/client";

// Every table of the schema in foreign-key order (parents first), with its primary (or unique)
// key and its Json columns. A new model must be added here: assertTablesCover() makes the
// migration refuse to run rather than silently skip a table.

export interface TableSpec {
  model: Prisma.ModelName;
  /** Prisma delegate name on the client (camelCase model name). */
  delegate: string;
  /** Fields of the primary key (or the unique key for VerificationToken, which has no @id). */
  key: string[];
  /** Json columns: a database NULL must be written back as Prisma.DbNull. */
  json: string[];
}

const t = (model: Prisma.ModelName, key: string[] = ["id"], json: string[] = []): TableSpec => ({
  model,
  delegate: model.charAt(0).toLowerCase() + model.slice(1),
  key,
  json,
});

export const TABLES: readonly TableSpec[] = [
  t("User"),
  t("Account"),
  t("Session"),
  t("UserSession"),
  t("VerificationToken", ["token"]),
  t("LoginAttempt"),
  t("Setting", ["key"], ["value"]),
  t("InstanceInvite"),
  t("PasswordReset"),
  t("Team"),
  t("Membership"),
  t("TeamInvite"),
  t("Budget"),
  t("Tag"),
  t("Alert"),
  t("Upload"),
  t("Film", ["id"], ["voiceCast"]),
  t("Reference"),
  t("Shot"),
  t("Generation", ["id"], ["params"]),
  t("GenerationInput", ["generationId", "position"]),
  t("Asset"),
  t("FilmExport"),
  t("ShareLink"),
  t("AiCall", ["id"], ["request", "answer", "usage"]),
  t("ShotStill"),
  t("LedgerEntry"),
  t("AuditEvent", ["id"], ["data"]),
  t("GenerationTag", ["generationId", "tagId"]),
  t("Favourite", ["userId", "generationId"]),
  t("Job", ["id"], ["payload", "result"]),
  t("JobDependency", ["jobId", "dependsOnId"]),
  t("ShotReview"),
  t("Comment"),
  t("StudioDraft", ["id"], ["state"]),
];

export function assertTablesCover(): void {
  const listed = new Set(TABLES.map((x) => x.model));
  const missing = Object.values(Prisma.ModelName).filter((m) => !listed.has(m));
  if (missing.length > 0) {
    throw new Error(`migrate-provider: tables not listed in lib/server/migrate-provider/tables.ts: ${missing.join(", ")}`);
  }
}
