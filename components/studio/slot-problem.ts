"use client";
import type { Locale } from "@/lib/i18n/locales";
import type { MessageKey, Vars } from "@/lib/i18n/translate";
import type { SlotProblem } from "./use-image-slots";

const CLIENT_KEYS = {
  type: "studio.image.error.type",
  size: "studio.image.error.size",
  corrupt: "studio.image.error.corrupt",
  aspect: "studio.image.error.aspect",
} as const satisfies Record<string, MessageKey>;

/** The message shown under an image slot, in the UI locale. */
export function slotProblemText(problem: SlotProblem, locale: Locale, t: (k: MessageKey, v?: Vars) => string, dims?: { width?: number; height?: number }): string {
  if (problem.kind === "server") {
    if (problem.error.status === 0) return t("studio.error.network");
    return problem.error.localized(locale);
  }
  if (problem.error === "aspect" && dims?.width && dims.height)
    return t("studio.image.error.aspectIs", { width: dims.width, height: dims.height });
  return t(CLIENT_KEYS[problem.error]);
}
