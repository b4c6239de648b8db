import "server-only";
import type { FrameSource } from "@/lib/shared/film/film-schemas";
import type { FilmView } from "@/lib/shared/film/film-views";
import { SPEAKER_MAX_CHARS } from "@/lib/shared/film/voice";
import { type DraftShot, type SaveBreakdownDraft, trimOutOf } from "@/lib/shared/script-breakdown";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { filmViewOf } from "../films/film-view";
import { touchFilm } from "../films/films";
import { loadFilm, shotsOf } from "../films/load-film";
import { columnsOfFields, type ShotFields } from "../films/shot-columns";
import { workspaceFilmsWhere } from "../permissions";
import type { Access } from "../permissions";
import { assertDraftComplete, scopeOfFilm } from "./script-breakdown";

// "Add N shots to the film": the edited draft becomes shots at the end of the film in ONE
// transaction that also consumes the draft (compare-and-set on its version), so an accept adds every
// shot or none, and a second accept of the same draft (another tab, a double click) is refused.
// Only a complete draft is accepted (every part of a split script answered, script_incomplete otherwise).
// Modes: text → a text shot; chain → starts from the previous shot's last frame (the film's first
// shot cannot, so it becomes a text shot); image → starts from the library reference named like one
// of its characters, or waits for a frame to be picked (shots may lack frames while drafting).
// A spoken line's one character becomes the shot's speaker, so voicing it picks that character's voice.

function fieldsOf(shot: DraftShot, chainable: boolean, referenceByName: ReadonlyMap<string, string>): ShotFields {
  const base = { sceneHeading: shot.scene, prompt: shot.prompt, end: null, caption: shot.line, trimIn: 0, trimOut: trimOutOf(shot.seconds), transition: { kind: "cut" as const, frames: 0 } };
  if (shot.mode === "chain" && chainable) return { ...base, mode: "image", start: { kind: "previous" } };
  if (shot.mode === "image") {
    const referenceId = shot.characters.map((c) => referenceByName.get(c.toLowerCase())).find((id) => id !== undefined);
    const start: FrameSource | null = referenceId ? { kind: "reference", referenceId } : null;
    return { ...base, mode: "image", start };
  }
  return { ...base, mode: "text", start: null };
}

/** Who speaks the shot's line: its one character (a line with several, or none, is left for the user to say). */
function speakerOf(shot: DraftShot): string | null {
  const name = shot.line && shot.characters.length === 1 ? shot.characters[0]!.trim() : "";
  return name && [...name].length <= SPEAKER_MAX_CHARS ? name : null;
}

export async function acceptShotList(client: Db, access: Access, filmId: string, input: SaveBreakdownDraft, ip: string): Promise<{ film: FilmView; added: number }> {
  const film = await loadFilm(client, access, filmId, "edit");
  const ws = film.teamId ? { kind: "team" as const, teamId: film.teamId } : { kind: "personal" as const };
  const references = await client.reference.findMany({ where: workspaceFilmsWhere(access, ws), select: { id: true, name: true } });
  const referenceByName = new Map(references.map((r) => [r.name.toLowerCase(), r.id]));
  const scope = scopeOfFilm(film.id);
  await writeTransaction(client, async (tx) => {
    const draft = await tx.studioDraft.findUnique({ where: { userId_scope: { userId: access.actor.id, scope } }, select: { state: true, version: true } });
    // Consumed here, so a concurrent accept of the same version finds nothing to consume.
    const consumed = await tx.studioDraft.deleteMany({ where: { userId: access.actor.id, scope, version: input.version } });
    if (consumed.count !== 1 || !draft) throw new AppError("draft_conflict");
    // Never half a script: every part of the draft must have answered.
    await assertDraftComplete(tx, access, draft.state, input.callId);
    await touchFilm(tx, film.id);
    const before = (await shotsOf(tx, film.id)).length;
    for (const [i, shot] of input.shots.entries()) {
      const position = before + i;
      const row = await tx.shot.create({ data: { filmId: film.id, position, ...columnsOfFields(fieldsOf(shot, position > 0, referenceByName)), speaker: speakerOf(shot) } });
      await recordAudit(tx, { teamId: film.teamId, actorId: access.actor.id, action: "shot.add", targetType: "shot", targetId: row.id, data: { filmId: film.id, position, fromScript: true }, ip });
    }
  });
  return { film: await filmViewOf(client, film, await shotsOf(client, film.id)), added: input.shots.length };
}
