// One take HELD for an admin decision as the admin page shows it (lib/server/generations/held-takes.ts).
export interface HeldTakeView {
  id: string;
  model: string;
  prompt: string;
  ownerEmail: string;
  /** What the create was sent with: find the task by it in the platform's console. */
  upstreamRequestId: string;
  upstreamTaskId: string | null;
  why: string | null;
  heldSince: string;
  costFen: number;
}
