// A realistic small install, one or more rows in EVERY table, with the values that are easy to get
// wrong when moving between providers: unicode, nested JSON, nulls, floats, booleans, millisecond
// timestamps, composite keys. Reused by the migration round trip and the health route tests.
import type { Db } from "@/lib/server/db";
import type { GenerationStatus } from "@/lib/generated/sqlite/enums";

export interface SeedOptions {
  /** Generations per user (default 12); statuses cycle through every state. */
  generationsPerUser?: number;
}

export interface SeedSummary {
  users: number;
  teams: number;
  generations: number;
}

const STATUSES: GenerationStatus[] = [
  "QUEUED", "SUBMITTING", "PROCESSING", "DOWNLOADING", "STORED",
  "REJECTED", "FAILED", "EXPIRED", "ORPHANED", "CANCELLED",
];
const base = Date.UTC(2026, 10, 1, 8, 0, 0, 123);
const at = (minutes: number) => new Date(base + minutes * 60_000 + (minutes % 7) * 37);
const hex = (n: number, len = 64) => n.toString(16).padStart(len, "0").slice(-len);

export async function seedInstall(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const perUser = options.generationsPerUser ?? 12;
  const users = [];
  for (const [i, email] of ["admin@seed.test", "mei@seed.test", "ola@seed.test", "viewer@seed.test"].entries()) {
    users.push(
      await db.user.create({
        data: {
          id: `seed-user-${i}`,
          email,
          name: i === 1 ? "李梅 (Mei) 🎬" : i === 3 ? null : `User ${i}`,
          passwordHash: i === 3 ? null : `scrypt$${hex(i, 32)}$${hex(i * 7)}`,
          locale: i % 2 ? "zh-CN" : "en",
          role: i === 0 ? "ADMIN" : "USER",
          disabledAt: i === 3 ? at(5000) : null,
          createdAt: at(i),
        },
      }),
    );
  }
  const [admin, mei, ola, viewer] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0], (typeof users)[0]];
  await db.account.create({
    data: { userId: ola.id, type: "oauth", provider: "github", providerAccountId: "4242", access_token: "gho_seed", expires_at: 1_900_000_000, scope: "read:user" },
  });
  await db.session.create({ data: { sessionToken: "seed-session", userId: ola.id, expires: at(90_000) } });
  await db.userSession.create({ data: { userId: ola.id, createdAt: at(90), lastSeenAt: at(95), userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0", ip: "203.0.113.9" } });
  await db.userSession.create({ data: { userId: ola.id, createdAt: at(91), lastSeenAt: at(92), userAgent: null, ip: null, revokedAt: at(93) } });
  await db.verificationToken.create({ data: { identifier: "ola@seed.test", token: "seed-vt", expires: at(60) } });
  for (let i = 0; i < 5; i++) {
    await db.loginAttempt.create({ data: { email: "mei@seed.test", ip: i % 2 ? "203.0.113.9" : "2001:db8::1", success: i === 4, createdAt: at(100 + i) } });
  }
  await db.setting.create({ data: { key: "registration", value: { mode: "invite" } } });
  await db.setting.create({ data: { key: "limits", value: { perUser: 2, caps: [5, 5.5, null], note: "上限 \"quoted\"" } } });
  await db.instanceInvite.create({ data: { tokenHash: hex(991), email: "new@seed.test", createdById: admin.id, expiresAt: at(10_000) } });
  await db.passwordReset.create({ data: { tokenHash: hex(992), userId: admin.id, createdById: admin.id, expiresAt: at(10_001), usedAt: at(10_002) } });

  const studio = await db.team.create({ data: { id: "seed-team-studio", name: "Studio 工作室", createdAt: at(10) } });
  const archive = await db.team.create({ data: { id: "seed-team-archive", name: "Archive", deletedAt: at(20_000), createdAt: at(11) } });
  const members: [string, string, "OWNER" | "ADMIN" | "MEMBER" | "VIEWER"][] = [
    [studio.id, mei.id, "OWNER"], [studio.id, ola.id, "MEMBER"], [studio.id, viewer.id, "VIEWER"], [archive.id, ola.id, "ADMIN"],
  ];
  for (const [teamId, userId, role] of members) await db.membership.create({ data: { teamId, userId, role } });
  await db.teamInvite.create({ data: { teamId: studio.id, tokenHash: hex(77), role: "MEMBER", maxUses: 5, uses: 2, expiresAt: at(9000), createdById: mei.id } });
  await db.teamInvite.create({ data: { teamId: studio.id, email: "x@seed.test", role: "VIEWER", expiresAt: at(9000), revokedAt: at(300), createdById: mei.id } });
  await db.budget.create({ data: { scope: "TEAM_MONTHLY", teamId: studio.id, limitFen: 50_000 } });
  await db.budget.create({ data: { scope: "MEMBER_MONTHLY", teamId: studio.id, userId: ola.id, limitFen: 5_000 } });
  await db.budget.create({ data: { scope: "INSTANCE_DAILY", limitFen: 200_000 } });
  // Prompt-help chat calls (lib/server/ai-calls): one settled in the team (HOLD, CHARGE, REFUND of the
  // unused part, usage as Json), one personal that failed and was refunded.
  const chat = await db.aiCall.create({
    data: {
      kind: "CHAT", purpose: "prompt.expand", ownerId: mei.id, teamId: studio.id, model: "glm-4-flash-250414", status: "DONE", costFen: 3, settledFen: 1,
      request: { model: "glm-4-flash-250414", messages: [{ role: "user", content: "灯塔" }] }, answer: { content: '{"text":"灯塔，夜晚"}', finishReason: "stop" },
      usage: { prompt_tokens: 40, completion_tokens: 12, total_tokens: 52 }, attempt: 1, idemKey: "seed-chat-1", paramsHash: hex(4242), createdAt: at(30), finishedAt: at(31),
    },
  });
  for (const [kind, amountFen, reason] of [["HOLD", 3, null], ["CHARGE", 1, null], ["REFUND", 2, "settled"]] as const) {
    await db.ledgerEntry.create({ data: { callId: chat.id, userId: mei.id, teamId: studio.id, kind, amountFen, reason, createdAt: at(31) } });
  }
  const refused = await db.aiCall.create({
    data: { kind: "CHAT", purpose: "prompt.rewrite", ownerId: ola.id, model: "glm-4-flash-250414", status: "FAILED", costFen: 2, request: {}, errorCode: "unsafe_content", idemKey: "seed-chat-2", paramsHash: hex(4343), createdAt: at(32), finishedAt: at(33) },
  });
  for (const kind of ["HOLD", "REFUND"] as const) {
    await db.ledgerEntry.create({ data: { callId: refused.id, userId: ola.id, kind, amountFen: 2, reason: kind === "REFUND" ? "unsafe_content" : null, createdAt: at(33) } });
  }
  // Studio drafts (lib/server/studio-drafts): Mei's in the team with a prompt in Chinese, Ola's personal one cleared (state null).
  await db.studioDraft.create({ data: { userId: mei.id, scope: studio.id, teamId: studio.id, version: 3, state: { mode: "text", prompts: { text: "夜晚的灯塔，海浪拍岸" }, takes: 2 } } });
  await db.studioDraft.create({ data: { userId: ola.id, scope: "personal", state: undefined, version: 5 } });
  // The workspace Mei chose, kept on her account (lib/server/workspace/current-workspace.ts).
  await db.user.update({ where: { id: mei.id }, data: { workspaceTeamId: studio.id } });
  const tagTeam = await db.tag.create({ data: { teamId: studio.id, name: "campaign-春" } });
  const tagMine = await db.tag.create({ data: { ownerId: mei.id, name: "favourites" } });
  await db.alert.create({ data: { kind: "orphaned", message: "task lost its ack", createdAt: at(400) } });
  await db.alert.create({ data: { kind: "breaker", message: "upstream 1113", resolvedAt: at(500), createdAt: at(450) } });

  let n = 0;
  for (const owner of [mei, ola]) {
    const teamId = owner === mei ? studio.id : null;
    const upload = await db.upload.create({
      data: { ownerId: owner.id, teamId, storageKey: `uploads/seedup${owner.id.slice(-1)}.png`, mime: "image/png", width: 1280, height: 720, bytes: 123_456, sha256: hex(n + 5000), createdAt: at(200) },
    });
    // A film with a reference, a shot from an upload and one chained to it; the first takes are the shot's.
    const film = await db.film.create({ data: { ownerId: owner.id, teamId, title: `Film of ${owner.id.slice(-4)} — 北京`, aspect: "9:16", style: "anime", createdAt: at(210) } });
    const reference = await db.reference.create({ data: { ownerId: owner.id, teamId, kind: "CHARACTER", name: "Mei 🐈", uploadId: upload.id, createdAt: at(211) } });
    const shotA = await db.shot.create({ data: { filmId: film.id, position: 0, sceneHeading: "EXT. 胡同 — DUSK", prompt: "A cat walks", mode: "IMAGE", startKind: "UPLOAD", startUploadId: upload.id, caption: "line\nbreak", trimIn: 6, trimOut: 110, transition: "CROSSFADE", transitionFrames: 12, createdAt: at(212) } });
    await db.shot.create({ data: { filmId: film.id, position: 1, prompt: "", mode: "START_END", startKind: "PREVIOUS", endKind: "REFERENCE", endReferenceId: reference.id, createdAt: at(213) } });
    // A still of the first shot (lib/server/stills): its settled STILL call and its re-hosted image.
    const stillCall = await db.aiCall.create({
      data: {
        kind: "STILL", purpose: "still.shot", ownerId: owner.id, teamId, model: "cogview-4-250304", status: "DONE", costFen: 6, settledFen: 6, request: { prompt: "A cat walks", size: "768x1344" },
        answer: { url: "https://example.test/still.png", created: 1_700_000_000 }, usage: { images: 1 }, attempt: 1, idemKey: `seed-still-${owner.id.slice(-4)}`, paramsHash: hex(n + 6000), createdAt: at(214), finishedAt: at(215),
      },
    });
    const stillImage = await db.upload.create({
      data: { ownerId: owner.id, teamId, storageKey: `uploads/seedstill${owner.id.slice(-1)}.jpg`, mime: "image/jpeg", width: 1080, height: 1920, bytes: 98_765, sha256: hex(n + 6100), createdAt: at(215) },
    });
    await db.shotStill.create({ data: { shotId: shotA.id, callId: stillCall.id, uploadId: stillImage.id, prompt: "A cat walks", createdAt: at(214) } });
    let firstTake: string | null = null;
    for (let i = 0; i < perUser; i++, n++) {
      const status = STATUSES[n % STATUSES.length] as GenerationStatus;
      const mode = (["TEXT", "IMAGE", "START_END"] as const)[n % 3] ?? "TEXT";
      const g = await db.generation.create({
        data: {
          ownerId: owner.id,
          teamId,
          mode,
          model: mode === "TEXT" ? "vidu2-q1-text" : "viduq1-image",
          prompt: n % 4 === 0 ? `A cat 🐈 walks through 北京 at dusk, line\nbreak & "quotes" #${n}` : `clip ${n}`,
          params: { style: n % 2 ? "anime" : "general", aspect_ratio: "16:9", movement_amplitude: "auto", with_audio: n % 3 === 0, duration: 5, seed: n * 1.5, extra: null },
          idemKey: `idem-${owner.id}-${i}`,
          shotId: i < 2 ? shotA.id : null,
          paramsHash: hex(n + 1),
          upstreamRequestId: `00000000-0000-4000-8000-${hex(n, 12)}`,
          upstreamTaskId: status === "QUEUED" ? null : `task-${n}`,
          status,
          attempt: n % 3,
          pollCount: n,
          costFen: 250,
          errorCode: status === "FAILED" ? "upstream_failed" : null,
          errorMessage: status === "REJECTED" ? "内容不合规 / content rejected" : null,
          createdAt: at(600 + n),
          finishedAt: ["STORED", "REJECTED", "FAILED", "EXPIRED", "ORPHANED", "CANCELLED"].includes(status) ? at(800 + n) : null,
          bytes: status === "STORED" ? 2_345_678 + n : null,
          sha256: status === "STORED" ? hex(n + 9000) : null,
          durationMs: status === "STORED" ? 5000 : null,
          width: status === "STORED" ? 1920 : null,
          height: status === "STORED" ? 1080 : null,
          fps: status === "STORED" ? (n % 20 === 4 ? 24 : 23.976) : null,
        },
      });
      if (mode !== "TEXT") {
        await db.generationInput.create({ data: { generationId: g.id, position: 0, uploadId: upload.id } });
        if (mode === "START_END") await db.generationInput.create({ data: { generationId: g.id, position: 1, uploadId: upload.id } });
      }
      await db.ledgerEntry.create({ data: { generationId: g.id, userId: owner.id, teamId, kind: "HOLD", amountFen: 250, createdAt: at(600 + n) } });
      if (status !== "QUEUED" && status !== "CANCELLED") {
        await db.ledgerEntry.create({ data: { generationId: g.id, userId: owner.id, teamId, kind: "CHARGE", amountFen: 250, createdAt: at(601 + n) } });
      }
      if (["REJECTED", "ORPHANED", "EXPIRED", "CANCELLED"].includes(status)) {
        await db.ledgerEntry.create({ data: { generationId: g.id, userId: owner.id, teamId, kind: "REFUND", amountFen: 250, reason: status.toLowerCase(), createdAt: at(900 + n) } });
      }
      if (status === "STORED") {
        for (const [kind, file, mime] of [["VIDEO", "video.mp4", "video/mp4"], ["COVER", "cover.jpg", "image/jpeg"], ["POSTER", "poster.jpg", "image/jpeg"], ["PREVIEW", "preview.mp4", "video/mp4"]] as const) {
          await db.asset.create({ data: { generationId: g.id, kind, storageKey: `clips/${g.id}/${file}`, mime, bytes: 1000 + n, sha256: hex(n * 13), width: 1920, height: 1080, durationMs: kind.endsWith("O") ? 5000 : null } });
        }
        await db.shareLink.create({ data: { generationId: g.id, createdById: owner.id, tokenHash: hex(n + 70_000), allowDownload: n % 20 === 4, views: n, lastViewedAt: at(2000 + n) } });
        await db.favourite.create({ data: { userId: owner.id, generationId: g.id, createdAt: at(2100 + n) } });
      }
      // Every take has its video job (a running one with a lease); stored ones a last frame waiting on it.
      const running = !["STORED", "REJECTED", "FAILED", "EXPIRED", "ORPHANED", "CANCELLED"].includes(status);
      const video = await db.job.create({
        data: {
          kind: "video", subjectId: g.id, lane: "vidu:viduq1-image", step: status === "PROCESSING" ? "poll" : "submit",
          status: status === "QUEUED" ? "QUEUED" : running ? "ACTIVE" : status === "STORED" ? "DONE" : "FAILED",
          inLane: status === "PROCESSING", leaseOwner: status === "PROCESSING" ? "worker-a" : null, leaseUntil: status === "PROCESSING" ? at(1000 + n) : null,
          version: n % 5, runAt: at(700 + n), failures: n % 2, errorCode: running || status === "STORED" ? null : "upstream_failed",
          payload: n % 4 === 0 ? { note: "北京 🐈", list: [1, 2.5, null] } : undefined, createdAt: at(600 + n), finishedAt: running ? null : at(800 + n),
        },
      });
      if (status === "STORED") {
        await db.job.create({
          data: {
            kind: "last-frame", subjectId: g.id, lane: "media", step: "extract", status: "DONE", result: { uploadId: upload.id, width: 1280, height: 720 },
            dependsOn: { create: { dependsOnId: video.id } }, createdAt: at(900 + n), finishedAt: at(950 + n),
          },
        });
      }
      firstTake ??= g.id;
      if (n % 3 === 0) await db.generationTag.create({ data: { generationId: g.id, tagId: teamId ? tagTeam.id : tagMine.id } });
      await db.auditEvent.create({
        data: { teamId, actorId: owner.id, action: "generation.create", targetType: "generation", targetId: g.id, data: { mode, cost: 250, flags: [true, false], nested: { ok: 1 } }, ip: "198.51.100.7", createdAt: at(600 + n) },
      });
    }
    await db.shot.update({ where: { id: shotA.id }, data: { chosenTakeId: firstTake, reviewState: "SENT_BACK", reviewedTakeId: firstTake, reviewReason: "更暖一点 / warmer" } });
    await db.shotReview.create({ data: { shotId: shotA.id, takeId: firstTake!, decision: "SENT_BACK", reason: "更暖一点 / warmer", actorId: owner.id, createdAt: at(2200) } });
    await db.comment.create({ data: { filmId: film.id, takeId: firstTake, timeMs: 2400, body: "Hold on the cat 🐈", authorId: owner.id, createdAt: at(2201) } });
    // A ready export over 2 GiB (bytes is a BigInt) and a failed one.
    await db.filmExport.create({
      data: { filmId: film.id, createdById: owner.id, status: "READY", captions: true, progress: 1, storageKey: `exports/${film.id}/film.mp4`, posterKey: `exports/${film.id}/poster.jpg`, durationMs: 18_500, width: 1080, height: 1920, bytes: 3_000_000_000n, createdAt: at(2300), finishedAt: at(2301) },
    });
    await db.filmExport.create({ data: { filmId: film.id, createdById: owner.id, status: "FAILED", progress: 0.4, errorCode: "render_failed", errorMessage: "ffmpeg: 字幕 font missing", createdAt: at(2302), finishedAt: at(2303) } });
  }
  await db.auditEvent.create({ data: { action: "instance.settings", data: undefined, createdAt: at(3000) } });
  return { users: users.length, teams: 2, generations: n };
}
