import "server-only";
import { refund } from "@/lib/server/generations/ledger";
import type { Status } from "@/lib/server/generations/state-machine";
import type { Job } from "./job";

// Terminal outcomes that give the quota back. State, REFUND and (for the operator) an Alert are
// written in ONE transaction with the fenced update, so no crash can leave a FAILED clip unrefunded
// or refund a clip that then goes on to be stored.

export type RefundedTerminal = Extract<Status, "REJECTED" | "FAILED" | "EXPIRED" | "ORPHANED">;

export async function endWithRefund(
  job: Job,
  to: RefundedTerminal,
  code: string,
  message: string,
  opts: { alert?: string } = {},
): Promise<void> {
  await job.move(
    to,
    { errorCode: code, errorMessage: message.slice(0, 500), finishedAt: job.now() },
    {
      effect: async (tx, row) => {
        await refund(tx, row.id, code);
        if (opts.alert) await tx.alert.create({ data: { kind: opts.alert, message: `${to} ${row.id}: ${message}`.slice(0, 500), generationId: row.id } });
      },
    },
  );
}
