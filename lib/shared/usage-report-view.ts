import type { Mode } from "./generation-schemas";

// The usage report of one team and one month (GET /api/teams/:teamId/usage, the usage page and its
// CSV). Amounts are integer fen; days are local days (the budget time zone) as YYYY-MM-DD.

export interface UsageMember {
  userId: string;
  name: string | null;
  email: string;
  /** false for someone who spent in the month and has left the team since. */
  member: boolean;
  perDay: Record<string, number>;
  clipsPerDay: Record<string, number>;
  totalFen: number;
  clips: number;
  limitFen: number | null;
  remainingFen: number | null;
}

export interface UsageReport {
  teamId: string;
  teamName: string;
  month: string;
  timeZone: string;
  /** The month containing "now": remaining figures are live only then. */
  currentMonth: boolean;
  prevMonth: string;
  nextMonth: string;
  days: string[];
  members: UsageMember[];
  perMode: { mode: Mode; clips: number; fen: number }[];
  /** Spend by kind of platform call: video takes, chat (prompt help), stills, speech. */
  perKind: { kind: SpendKind; fen: number }[];
  team: { spentFen: number; limitFen: number | null; remainingFen: number | null };
  instanceToday: { day: string; spentFen: number; limitFen: number | null; remainingFen: number | null };
}

export const SPEND_KINDS = ["video", "chat", "still", "speech"] as const;
export type SpendKind = (typeof SPEND_KINDS)[number];
