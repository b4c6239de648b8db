import type { Translate } from "@/lib/i18n/translate";
import { formatFen } from "@/lib/shared/money";

/** A budget limit in words: its amount, or "Unlimited" when none is set (null). */
export function limitText(fen: number | null, t: Translate): string {
  return fen === null ? t("usage.unlimited") : formatFen(fen);
}
