// Prompt help (studio prompt field, film shot editor). Merged into en.ts; prompt-help.zh-CN.ts has the same keys.
export const promptHelpEn = {
  "errors.ai_unsafe_content": "The text service refused this text as unsafe or sensitive. Change the wording and try again. You were not charged.",
  "errors.ai_call_failed": "The text service could not answer (code {code}). You were not charged; try again in a moment.",
  "errors.ai_call_unconfirmed": "The text service did not confirm its answer. It may have been billed, so its cost stays counted; nothing was sent twice.",
  "errors.ai_answer_invalid": "The text service's answer was cut off or unreadable, so there is no suggestion. It cost {cost}. Try again, perhaps with a shorter text.",
  "errors.field.prompt_help_empty": "Write something first: prompt help works on the text in the field.",
  "errors.field.prompt_help_too_long": "Prompt help takes at most 2,000 characters.",

  "promptHelp.group": "Prompt help",
  "promptHelp.expand": "Expand",
  "promptHelp.translate": "Translate zh↔en",
  "promptHelp.rewrite": "Rewrite for Vidu (≤512)",
  "promptHelp.working": "Asking the text model…",
  "promptHelp.pending": "Still working on it — the suggestion will appear here.",
  "promptHelp.suggestion": "Suggestion",
  "promptHelp.accept": "Use suggestion",
  "promptHelp.reject": "Discard",
  "promptHelp.cost": "Cost {cost} (held {held})",
  "promptHelp.accepted": "Suggestion placed in the prompt.",
  "promptHelp.rejected": "Suggestion discarded.",
  "promptHelp.hint": "Uses the text model with the studio's key; counted in your budget.",
} as const;
