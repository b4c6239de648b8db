import type { Mode } from "@/lib/shared/generation-schemas";

// The API spells modes "text" | "image" | "start-end"; the database enum TEXT | IMAGE | START_END.
export type DbMode = "TEXT" | "IMAGE" | "START_END";

export const DB_MODE_OF: Record<Mode, DbMode> = { text: "TEXT", image: "IMAGE", "start-end": "START_END" };

export const MODE_OF_DB: Record<DbMode, Mode> = { TEXT: "text", IMAGE: "image", START_END: "start-end" };

/** The message key naming each mode in the UI (the studio's tab labels). */
export const MODE_LABEL_KEY = { text: "studio.tab.text", image: "studio.tab.image", "start-end": "studio.tab.startEnd" } as const satisfies Record<Mode, string>;
