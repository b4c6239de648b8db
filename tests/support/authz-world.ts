// Fixture builder of the authorization matrix (tests/integration/authz-matrix.test.ts): one real,
// migrated database with three teams and the seven actors of the authorization matrix, plus factories for the objects
// each cell acts on. Objects are relative to the actor:
//   own   — the actor's own object in their team (for X in team U; for the instance admin I a personal one)
//   same  — someone else's object in the actor's team (T's by M2; U's by X2; for I a T object: I is in no team)
//   other — an object of team W, where no actor is a member
// Read-only cells share cached objects; mutating cells ask for `fresh` ones so no cell sees another's effect.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "@/lib/server/db";
import { enqueueVideoJob } from "@/lib/server/generations/video-job/kind";
import type { Storage } from "@/lib/server/storage";
import { sessionCookie } from "./route-env";

export const ACTORS = ["anon", "viewer", "member", "admin", "owner", "otherTeam", "instanceAdmin"] as const;
export type ActorKey = (typeof ACTORS)[number];
export type ObjectKey = "own" | "same" | "other" | "-";
type Role = "OWNER" | "ADMIN" | "MEMBER" | "VIEWER";

interface WorldUser {
  id: string;
  email: string;
  cookie: string;
}

type ClipStatus = "QUEUED" | "STORED" | "FAILED";

const CLIP_MEDIA = [
  ["VIDEO", "video.mp4", "video/mp4"],
  ["COVER", "cover.jpg", "image/jpeg"],
  ["POSTER", "poster.jpg", "image/jpeg"],
  ["PREVIEW", "preview.mp4", "video/mp4"],
] as const;

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const token = () => randomBytes(32).toString("base64url");

export interface AuthzWorld {
  db: Db;
  users: Record<"O" | "A" | "M" | "V" | "M2" | "X" | "X2" | "I" | "WO" | "WM", WorldUser>;
  teams: { T: string; U: string; W: string };
  /** The signed-in user of an actor (null for anonymous). */
  user(actor: ActorKey): WorldUser | null;
  /** The actor's role in their own team (null: anonymous, instance admin). */
  roleOf(actor: ActorKey): Role | null;
  /** Team object: own/same = the actor's team (T; U for X; T for I and anonymous), other = W. */
  team(actor: ActorKey, obj: ObjectKey): string;
  /** Someone else in the actor's team (M2 in T; X2 in U). */
  teammate(actor: ActorKey): WorldUser;
  /** Who owns the object and in which team (null = personal). */
  placement(actor: ActorKey, obj: ObjectKey): { ownerId: string; teamId: string | null };
  /** A clip (cached per owner/team/status unless fresh), with media in storage when STORED. */
  clip(actor: ActorKey, obj: ObjectKey, status: ClipStatus, fresh?: boolean): Promise<string>;
  /** A personal clip: own = the actor's, same = the teammate's, other = W's owner's. */
  personalClip(actor: ActorKey, obj: ObjectKey): Promise<string>;
  /** An uploaded image with bytes in storage (cached): own = the actor's, same = the teammate's, other = W's owner's. */
  upload(actor: ActorKey, obj: ObjectKey): Promise<string>;
  /** A share link (fresh) on the STORED clip of (actor, obj); returns its id and token. */
  shareLink(actor: ActorKey, obj: ObjectKey): Promise<{ id: string; token: string }>;
  /** A team invitation (fresh). Link invites return their token. */
  invite(opts: { teamId: string; createdById: string; email?: string }): Promise<{ id: string; token: string | null }>;
  /** A fresh team mirroring the actor's team for mutating team cases (own/same), or W's shape (other). */
  freshTeam(actor: ActorKey, obj: ObjectKey): Promise<{ teamId: string; mate: string; ownerId: string }>;
  /** A fresh team owned by W's owner that nobody else is in (email-invitation senders). */
  bareTeam(): Promise<string>;
}

export async function buildAuthzWorld(db: Db, storage: () => Storage, tag: string): Promise<AuthzWorld> {
  const names = ["O", "A", "M", "V", "M2", "X", "X2", "I", "WO", "WM"] as const;
  const rows = names.map((n) => ({ id: `authz${n.toLowerCase()}${tag}${randomUUID().slice(0, 8)}`, email: `authz-${n.toLowerCase()}-${tag}@example.test`, name: `Authz ${n}` }));
  await db.user.createMany({ data: rows.map((r, i) => ({ ...r, role: names[i] === "I" ? ("ADMIN" as const) : ("USER" as const) })) });
  const users = Object.fromEntries(
    await Promise.all(rows.map(async (r, i) => [names[i], { id: r.id, email: r.email, cookie: await sessionCookie(db, r.id) }] as const)),
  ) as AuthzWorld["users"];
  const mkTeam = async (name: string, members: [WorldUser, Role][]) =>
    (await db.team.create({ data: { name, memberships: { create: members.map(([u, role]) => ({ userId: u.id, role })) } } })).id;
  const teams = {
    T: await mkTeam("Team T", [[users.O, "OWNER"], [users.A, "ADMIN"], [users.M, "MEMBER"], [users.V, "VIEWER"], [users.M2, "MEMBER"]]),
    U: await mkTeam("Team U", [[users.X2, "OWNER"], [users.X, "MEMBER"]]),
    W: await mkTeam("Team W", [[users.WO, "OWNER"], [users.WM, "MEMBER"]]),
  };

  const actorUser: Record<ActorKey, WorldUser | null> = {
    anon: null,
    viewer: users.V,
    member: users.M,
    admin: users.A,
    owner: users.O,
    otherTeam: users.X,
    instanceAdmin: users.I,
  };
  const roles: Record<ActorKey, Role | null> = { anon: null, viewer: "VIEWER", member: "MEMBER", admin: "ADMIN", owner: "OWNER", otherTeam: "MEMBER", instanceAdmin: null };
  const homeTeam = (a: ActorKey) => (a === "otherTeam" ? teams.U : teams.T);
  const teammate = (a: ActorKey) => (a === "otherTeam" ? users.X2 : users.M2);

  function placement(actor: ActorKey, obj: ObjectKey): { ownerId: string; teamId: string | null } {
    if (obj === "other") return { ownerId: users.WO.id, teamId: teams.W };
    if (obj === "same" || actor === "anon") return { ownerId: teammate(actor).id, teamId: homeTeam(actor) };
    if (actor === "instanceAdmin") return { ownerId: users.I.id, teamId: null };
    return { ownerId: actorUser[actor]!.id, teamId: homeTeam(actor) };
  }

  let n = 0;
  const cache = new Map<string, string>();
  async function insertClip(ownerId: string, teamId: string | null, status: ClipStatus): Promise<string> {
    const id = `cauthz${tag}${(n++).toString(36).padStart(6, "0")}${randomBytes(3).toString("hex")}`;
    const stored = status === "STORED";
    const now = new Date();
    await db.generation.create({
      data: {
        id,
        ownerId,
        teamId,
        mode: "TEXT",
        model: "viduq1-text",
        prompt: `authz clip ${id}`,
        promptSearch: `authz clip ${id}`,
        params: { style: "general", aspectRatio: "16:9", movementAmplitude: "auto" },
        idemKey: `authz-${id}`,
        paramsHash: sha(id),
        upstreamRequestId: randomUUID(),
        status,
        costFen: 250,
        errorCode: status === "FAILED" ? "upstream_failed" : null,
        finishedAt: status === "QUEUED" ? null : now,
        ...(stored ? { durationMs: 5000, width: 1920, height: 1080, bytes: 64 } : {}),
      },
    });
    // A queued take has its video job, as create-generation makes it (cancel acts on the job).
    if (status === "QUEUED") await db.$transaction((tx) => enqueueVideoJob(tx, { id, model: "viduq1-text" }));
    if (stored) {
      await db.asset.createMany({
        data: CLIP_MEDIA.map(([kind, file, mime]) => ({ generationId: id, kind, storageKey: `clips/${id}/${file}`, mime, bytes: 64, sha256: sha(`${id}/${file}`) })),
      });
      for (const [, file] of CLIP_MEDIA) {
        await storage().put(`clips/${id}/${file}`, Buffer.from(`${file} of ${id}`.padEnd(64, ".")), { contentType: "application/octet-stream" });
      }
    }
    return id;
  }

  async function clip(actor: ActorKey, obj: ObjectKey, status: ClipStatus, fresh = false): Promise<string> {
    const { ownerId, teamId } = placement(actor, obj);
    if (fresh) return insertClip(ownerId, teamId, status);
    const key = `${ownerId}|${teamId}|${status}`;
    let id = cache.get(key);
    if (!id) cache.set(key, (id = await insertClip(ownerId, teamId, status)));
    return id;
  }

  const personalOwner = (actor: ActorKey, obj: ObjectKey) =>
    obj === "other" ? users.WO.id : obj === "same" || actor === "anon" ? teammate(actor).id : actorUser[actor]!.id;

  const uploads = new Map<string, string>();
  async function upload(actor: ActorKey, obj: ObjectKey): Promise<string> {
    const ownerId = personalOwner(actor, obj);
    let id = uploads.get(ownerId);
    if (id) return id;
    const key = `uploads/authz-${tag}-${ownerId}.png`;
    const bytes = Buffer.from("authz image bytes".padEnd(64, "."));
    await storage().put(key, bytes, { contentType: "image/png" });
    id = (await db.upload.create({ data: { ownerId, storageKey: key, mime: "image/png", width: 1024, height: 576, bytes: bytes.length, sha256: sha(key) } })).id;
    uploads.set(ownerId, id);
    return id;
  }

  async function shareLink(actor: ActorKey, obj: ObjectKey) {
    const generationId = await clip(actor, obj, "STORED");
    const t = token();
    const { ownerId } = placement(actor, obj);
    const row = await db.shareLink.create({ data: { generationId, createdById: ownerId, tokenHash: sha(t), allowDownload: true } });
    return { id: row.id, token: t };
  }

  async function invite(opts: { teamId: string; createdById: string; email?: string }) {
    const t = opts.email ? null : token();
    const row = await db.teamInvite.create({
      data: {
        teamId: opts.teamId,
        createdById: opts.createdById,
        email: opts.email ?? null,
        tokenHash: t ? sha(t) : null,
        role: "MEMBER",
        maxUses: 1,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    return { id: row.id, token: t };
  }

  let teamN = 0;
  async function freshTeam(actor: ActorKey, obj: ObjectKey) {
    if (obj === "other") return { teamId: await mkTeam(`W copy ${teamN++}`, [[users.WO, "OWNER"], [users.WM, "MEMBER"]]), mate: users.WM.id, ownerId: users.WO.id };
    if (actor === "otherTeam") return { teamId: await mkTeam(`U copy ${teamN++}`, [[users.X2, "OWNER"], [users.X, "MEMBER"]]), mate: users.X2.id, ownerId: users.X2.id };
    const members: [WorldUser, Role][] = [[users.M2, "MEMBER"]];
    const me = actorUser[actor];
    const role = roles[actor];
    if (actor !== "owner") members.push([users.O, "OWNER"]);
    if (me && role) members.push([me, role]);
    return { teamId: await mkTeam(`T copy ${teamN++}`, members), mate: users.M2.id, ownerId: users.O.id };
  }

  const bareTeam = () => mkTeam(`Bare ${teamN++}`, [[users.WO, "OWNER"]]);

  return {
    db,
    users,
    teams,
    user: (a) => actorUser[a],
    roleOf: (a) => roles[a],
    team: (a, obj) => (obj === "other" ? teams.W : homeTeam(a)),
    teammate,
    placement,
    clip,
    personalClip: (actor, obj) => insertClip(personalOwner(actor, obj), null, "STORED"),
    upload,
    shareLink,
    invite,
    freshTeam,
    bareTeam,
  };
}
