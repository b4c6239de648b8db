import "server-only";
import type { z } from "zod";
import { type CreateShotInput, type reorderShotsSchema, shotProblems, type UpdateShotInput } from "@/lib/shared/film/film-schemas";
import type { FilmView } from "@/lib/shared/film/film-views";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import type { Access } from "../permissions";
import { assertChainsKept } from "./chain-rule";
import { checkShotSources } from "./check-sources";
import { filmViewOf } from "./film-view";
import { touchFilm } from "./films";
import { type FilmRow, loadFilm, loadShot, shotsOf } from "./load-film";
import { columnsOfFields, fieldsOfRow, type ShotFields, type ShotRow } from "./shot-columns";

// The shots of a film: add (at an index), duplicate (right after the original, without its takes),
// change, delete, reorder. Order changes go through the chain rule (chain-rule.ts). Positions are
// rewritten 0..n-1 in the same transaction, so the order is always one dense list.

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

function assertShotValid(f: ShotFields): void {
  const problems = shotProblems(f);
  if (problems.length) throw new AppError("validation_failed", { fields: problems.map(([path, key]) => ({ path, key })) });
}

async function shotIdsWithTakes(tx: Pick<Db, "generation">, shotIds: readonly string[]): Promise<Set<string>> {
  if (shotIds.length === 0) return new Set();
  const rows = await tx.generation.findMany({ where: { shotId: { in: [...shotIds] } }, select: { shotId: true }, distinct: ["shotId"] });
  return new Set(rows.flatMap((r) => (r.shotId ? [r.shotId] : [])));
}

/** Writes the new order (positions 0..n-1) after checking the chain rule against the current one. */
async function writeOrder(tx: Tx, before: readonly ShotRow[], after: readonly ShotRow[], retarget: boolean): Promise<void> {
  assertChainsKept(before, after, await shotIdsWithTakes(tx, before.map((s) => s.id)), retarget);
  const was = new Map(before.map((s, i) => [s.id, i]));
  for (const [i, s] of after.entries()) {
    if (was.get(s.id) !== i || s.position !== i) await tx.shot.update({ where: { id: s.id }, data: { position: i } });
  }
}

async function view(client: Db, film: FilmRow): Promise<FilmView> {
  return filmViewOf(client, film, await shotsOf(client, film.id));
}

export async function addShot(client: Db, access: Access, filmId: string, input: CreateShotInput & { retarget?: boolean }, ip: string): Promise<FilmView> {
  const film = await loadFilm(client, access, filmId, "edit");
  const { at, retarget = false, ...fields } = input;
  assertShotValid(fields);
  await checkShotSources(client, access, film, fields);
  await writeTransaction(client, async (tx) => {
    await touchFilm(tx, filmId);
    const before = await shotsOf(tx, filmId);
    const index = Math.min(at ?? before.length, before.length);
    const shot = await tx.shot.create({ data: { filmId, position: index, ...columnsOfFields(fields) } });
    const after = [...before.slice(0, index), { ...fieldsRow(shot) }, ...before.slice(index)];
    await writeOrder(tx, before, after, retarget);
    await recordAudit(tx, { teamId: film.teamId, actorId: access.actor.id, action: "shot.add", targetType: "shot", targetId: shot.id, data: { filmId, position: index }, ip });
  });
  return view(client, film);
}

function fieldsRow(shot: ShotRow & { createdAt?: Date; updatedAt?: Date }): ShotRow {
  const { createdAt: _c, updatedAt: _u, ...row } = shot;
  return row;
}

export async function duplicateShot(client: Db, access: Access, shotId: string, retarget: boolean, ip: string): Promise<FilmView> {
  const { film, shot } = await loadShot(client, access, shotId, "edit");
  await writeTransaction(client, async (tx) => {
    await touchFilm(tx, film.id);
    const before = await shotsOf(tx, film.id);
    const index = before.findIndex((s) => s.id === shot.id) + 1;
    const copy = await tx.shot.create({ data: { filmId: film.id, position: index, ...columnsOfFields(fieldsOfRow(shot)) } });
    await writeOrder(tx, before, [...before.slice(0, index), fieldsRow(copy), ...before.slice(index)], retarget);
    await recordAudit(tx, { teamId: film.teamId, actorId: access.actor.id, action: "shot.add", targetType: "shot", targetId: copy.id, data: { filmId: film.id, duplicateOf: shot.id }, ip });
  });
  return view(client, film);
}

export async function updateShot(client: Db, access: Access, shotId: string, input: UpdateShotInput, ip: string): Promise<FilmView> {
  const { film, shot } = await loadShot(client, access, shotId, "edit");
  const merged: ShotFields = { ...fieldsOfRow(shot), ...input };
  assertShotValid(merged);
  await checkShotSources(client, access, film, { start: input.start ?? null, end: input.end ?? null });
  await writeTransaction(client, async (tx) => {
    await touchFilm(tx, film.id);
    await tx.shot.update({ where: { id: shot.id }, data: columnsOfFields(merged) });
    await recordAudit(tx, { teamId: film.teamId, actorId: access.actor.id, action: "shot.update", targetType: "shot", targetId: shot.id, data: { filmId: film.id, fields: Object.keys(input).join(",") }, ip });
  });
  return view(client, film);
}

export async function deleteShot(client: Db, access: Access, shotId: string, retarget: boolean, ip: string): Promise<FilmView> {
  const { film, shot } = await loadShot(client, access, shotId, "edit");
  await writeTransaction(client, async (tx) => {
    await touchFilm(tx, film.id);
    const before = await shotsOf(tx, film.id);
    await writeOrder(tx, before, before.filter((s) => s.id !== shot.id), retarget);
    // The shot's takes stay in the gallery as clips; they just no longer belong to a shot.
    await tx.shot.delete({ where: { id: shot.id } });
    await recordAudit(tx, { teamId: film.teamId, actorId: access.actor.id, action: "shot.delete", targetType: "shot", targetId: shot.id, data: { filmId: film.id }, ip });
  });
  return view(client, film);
}

export async function reorderShots(client: Db, access: Access, filmId: string, input: z.infer<typeof reorderShotsSchema>, ip: string): Promise<FilmView> {
  const film = await loadFilm(client, access, filmId, "edit");
  await writeTransaction(client, async (tx) => {
    await touchFilm(tx, filmId);
    const before = await shotsOf(tx, filmId);
    const byId = new Map(before.map((s) => [s.id, s]));
    const after = input.order.flatMap((id) => byId.get(id) ?? []);
    // The new order must name every shot of the film exactly once.
    if (after.length !== before.length || input.order.length !== before.length || new Set(input.order).size !== before.length) {
      throw new AppError("validation_failed", { fields: [{ path: "order", key: "errors.field.invalid" }] });
    }
    await writeOrder(tx, before, after, input.retarget);
    await recordAudit(tx, { teamId: film.teamId, actorId: access.actor.id, action: "shot.reorder", targetType: "film", targetId: filmId, data: { retarget: input.retarget }, ip });
  });
  return view(client, film);
}
