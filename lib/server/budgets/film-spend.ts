import "server-only";
import { FILM_SPEND_KINDS, type FilmSpend, type FilmSpendKind } from "@/lib/shared/film/generate-missing-view";
import { type GenerationStatus, isTerminal } from "@/lib/shared/generation-lifecycle";
import type { Db } from "../db";

// A film's spend so far, by kind, from the ledger (spend = HOLD − REFUND, as budgets count it in
// spend.ts): the video takes of its shots (Generation.shotId) and the platform calls made for it
// (AiCall.filmId: its script breakdown, its shots' stills and voice lines, kept when a shot is deleted
// or a line spoken again). Settled is the spend of takes and calls that have ended, so it will not
// change; held is what running ones hold now (an upper bound for a call, the price for a take), part
// of which may still come back as a refund. Prompt help is not made for a film and is not counted.

const KIND_OF_CALL: Record<"CHAT" | "STILL" | "SPEECH", FilmSpendKind> = { CHAT: "script", STILL: "stills", SPEECH: "voice" };
const CALL_RUNNING = new Set(["QUEUED", "SENDING"]);

export async function filmSpend(client: Pick<Db, "ledgerEntry">, filmId: string): Promise<FilmSpend> {
  const rows = await client.ledgerEntry.findMany({
    where: { kind: { in: ["HOLD", "REFUND"] }, OR: [{ generation: { is: { shot: { is: { filmId } } } } }, { call: { is: { filmId } } }] },
    select: { kind: true, amountFen: true, generation: { select: { status: true } }, call: { select: { kind: true, status: true } } },
  });
  const byKind = Object.fromEntries(FILM_SPEND_KINDS.map((k) => [k, { settledFen: 0, heldFen: 0 }])) as FilmSpend["byKind"];
  for (const r of rows) {
    const sign = r.kind === "HOLD" ? 1 : -1;
    const kind: FilmSpendKind = r.call ? KIND_OF_CALL[r.call.kind] : "video";
    const ended = r.call ? !CALL_RUNNING.has(r.call.status) : isTerminal(r.generation!.status as GenerationStatus);
    byKind[kind][ended ? "settledFen" : "heldFen"] += sign * r.amountFen;
  }
  const settledFen = FILM_SPEND_KINDS.reduce((n, k) => n + byKind[k].settledFen, 0);
  const heldFen = FILM_SPEND_KINDS.reduce((n, k) => n + byKind[k].heldFen, 0);
  return { byKind, settledFen, heldFen, totalFen: settledFen + heldFen };
}
