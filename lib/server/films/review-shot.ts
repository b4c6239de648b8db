import "server-only";
import type { z } from "zod";
import type { reviewSchema } from "@/lib/shared/film/film-schemas";
import type { FilmView } from "@/lib/shared/film/film-views";
import { type ReviewState, reviewTransitionAllowed, takeUsable } from "@/lib/shared/film/shot-lifecycle";
import { recordAudit } from "../audit/record-audit";
import { ENDED_WITHOUT_VIDEO, isIn } from "@/lib/shared/generation-lifecycle";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import type { Access } from "../permissions";
import { filmViewOf } from "./film-view";
import { touchFilm } from "./films";
import { loadShot, shotsOf } from "./load-film";

// Choosing a shot's take and reviewing it. The review is about one take: choosing another take
// resets it (the shot life-cycle's NONE). A take may be chosen while it is still being made (a chained
// next shot can then queue behind it); it can be approved or sent back only once it has its video. Dependent chained shots are not regenerated when the chosen take
// changes; their status becomes out_of_date. Each decision is a ShotReview row and an audit event.

/** A take of this shot, not deleted; `stored`: with its video (review), else one that may still get it (choice). */
async function takeOfShot(client: Pick<Db, "generation">, shotId: string, takeId: string, need: "stored" | "alive") {
  const take = await client.generation.findUnique({ where: { id: takeId }, select: { id: true, shotId: true, status: true, deletedAt: true } });
  if (!take || take.shotId !== shotId || take.deletedAt !== null) throw new AppError("take_not_of_shot");
  const ok = need === "stored" ? takeUsable({ status: take.status, deleted: false }) : !isIn(ENDED_WITHOUT_VIDEO, take.status);
  if (!ok) throw new AppError("take_not_ready");
  return take;
}

export async function chooseTake(client: Db, access: Access, shotId: string, takeId: string, ip: string): Promise<FilmView> {
  const { film, shot } = await loadShot(client, access, shotId, "edit");
  await takeOfShot(client, shot.id, takeId, "alive");
  await writeTransaction(client, async (tx) => {
    await touchFilm(tx, film.id);
    const reset = shot.reviewedTakeId !== takeId;
    await tx.shot.update({ where: { id: shot.id }, data: { chosenTakeId: takeId, ...(reset ? { reviewState: "NONE", reviewedTakeId: null, reviewReason: null } : {}) } });
    await recordAudit(tx, { teamId: film.teamId, actorId: access.actor.id, action: "shot.choose_take", targetType: "shot", targetId: shot.id, data: { filmId: film.id, takeId, previous: shot.chosenTakeId }, ip });
  });
  return filmViewOf(client, film, await shotsOf(client, film.id));
}

export async function reviewShot(client: Db, access: Access, shotId: string, input: z.infer<typeof reviewSchema>, ip: string): Promise<FilmView> {
  const { film, shot } = await loadShot(client, access, shotId, "review");
  if (!shot.chosenTakeId) throw new AppError("take_not_ready");
  const takeId = shot.chosenTakeId;
  await takeOfShot(client, shot.id, takeId, "stored");
  const from: ReviewState = shot.reviewedTakeId === takeId ? shot.reviewState : "NONE";
  const to: ReviewState = input.decision === "approve" ? "APPROVED" : "SENT_BACK";
  if (!reviewTransitionAllowed(from, to)) {
    throw new AppError("review_not_allowed");
  }
  const reason = input.decision === "send_back" ? input.reason : null;
  await writeTransaction(client, async (tx) => {
    // Conditional on the state read: two reviewers deciding at once cannot both win.
    const done = await tx.shot.updateMany({
      where: { id: shot.id, chosenTakeId: takeId, reviewState: shot.reviewState, reviewedTakeId: shot.reviewedTakeId },
      data: { reviewState: to, reviewedTakeId: takeId, reviewReason: reason },
    });
    if (done.count === 0) throw new AppError("conflict");
    await touchFilm(tx, film.id);
    await tx.shotReview.create({ data: { shotId: shot.id, takeId, decision: to, reason, actorId: access.actor.id } });
    await recordAudit(tx, {
      teamId: film.teamId,
      actorId: access.actor.id,
      action: to === "APPROVED" ? "shot.approve" : "shot.send_back",
      targetType: "shot",
      targetId: shot.id,
      data: { filmId: film.id, takeId, ...(reason ? { reason: reason.slice(0, 200) } : {}) },
      ip,
    });
  });
  return filmViewOf(client, film, await shotsOf(client, film.id));
}
