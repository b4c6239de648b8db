import "server-only";
import { isTerminal } from "@/lib/shared/generation-lifecycle";
import type { GenerationView } from "@/lib/shared/generation-view";
import type { Db } from "../db";
import { sessionIsLive } from "../auth/session";
import { pollingEventStream } from "../sse/polling-event-stream";
import { type Access, accessOf, assertVisible, assertWorkspace, visibleGenerationsWhere, type Workspace, workspaceGenerationsWhere } from "../permissions";
import { loadGenerationRow, toGenerationViews, VIEW_INCLUDE, type ViewRow } from "./generation-view";
import { viewerMediaUrls } from "./viewer-media-urls";

// Server-sent events of clip changes (GET /api/generations/events and /api/generations/:id/events).
// The database is the bus: every POLL_MS we read the actor's rows with updatedAt past a watermark, so
// a change written by any process (web, `npm run worker`) reaches the browser within ~1 s. The
// watermark looks back SLACK_MS because a transaction can commit a little after the updatedAt it
// stamped; a per-row signature suppresses the resulting duplicates. `id:` carries the watermark, so
// EventSource's automatic reconnect (Last-Event-ID) resumes without losing changes. A take's poster
// arriving after STORED moves its updatedAt (clip-derivatives job), so it is announced like any change.

export interface EventStreamOptions {
  generationId?: string;
  /** All-clips stream: only this workspace's clips (default: every clip the actor can see). */
  workspace?: Workspace;
  lastEventId?: string | null;
  pollMs?: number;
  pingMs?: number;
}

const SLACK_MS = 2_000;
const FIRST_LOOKBACK_MS = 5_000;
const BATCH = 500;

/** Nothing more will change by itself: a terminal status, and for a STORED take its poster and preview no longer pending. */
function isFinal(view: GenerationView): boolean {
  return isTerminal(view.status) && view.derivatives !== "pending";
}

function signature(row: ViewRow & { version?: number }): string {
  return `${row.updatedAt.getTime()}|${row.status}|${row.version ?? 0}`;
}

function parseLastEventId(raw: string | null | undefined): number | null {
  if (!raw || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}

/** Throws not_found before any byte is sent when a per-clip stream names a clip the actor can't see
 *  (checked against the request's `access`; every later poll reads the roles again, see `tick`). */
export async function openGenerationEvents(client: Db, access: Access, signal: AbortSignal, opts: EventStreamOptions = {}): Promise<Response> {
  const single = opts.generationId;
  const resumeAt = parseLastEventId(opts.lastEventId);
  const actor = access.actor;
  if (opts.workspace) assertWorkspace(access, opts.workspace);
  if (single) {
    const row = assertVisible(access, await loadGenerationRow(client, single));
    // A reconnect after the final event: 204 tells EventSource to stop reconnecting. A STORED take whose
    // poster is still being made has one more event to come (the poster's arrival).
    const [view] = await toGenerationViews(client, [row], await viewerMediaUrls(access));
    if (view && isFinal(view) && resumeAt !== null && row.updatedAt.getTime() <= resumeAt) return new Response(null, { status: 204 });
  }
  const pollMs = opts.pollMs ?? 1_000;
  // Per-clip: always replay the current state first. All clips: changes since the last event or a moment ago.
  let watermark = single ? 0 : (resumeAt ?? Date.now() - FIRST_LOOKBACK_MS);
  const sent = new Map<string, { sig: string; at: number }>();

  return pollingEventStream({
    signal,
    pollMs,
    pingMs: opts.pingMs ?? 15_000,
    label: "generation events",
    poll: async (write) => {
      // The session and the roles are re-read on every poll, not taken from the request: a stream
      // stays open for hours; a disabled or signed-out user's stream ends, a removed member's goes quiet.
      if (!(await sessionIsLive(client, actor))) return "close";
      const live = await accessOf(client, actor);
      const rows = await client.generation.findMany({
        where: {
          ...(opts.workspace && !single ? workspaceGenerationsWhere(live, opts.workspace) : visibleGenerationsWhere(live)),
          ...(single ? { id: single } : {}),
          updatedAt: { gt: new Date(Math.max(0, watermark - SLACK_MS)) },
        },
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
        take: BATCH,
        include: VIEW_INCLUDE,
      });
      const fresh = rows.filter((r) => sent.get(r.id)?.sig !== signature(r));
      const views = fresh.length ? await toGenerationViews(client, fresh, await viewerMediaUrls(live)) : [];
      let terminal = false;
      for (const [i, view] of views.entries()) {
        const row = fresh[i];
        if (!row) continue;
        watermark = Math.max(watermark, row.updatedAt.getTime());
        sent.set(row.id, { sig: signature(row), at: row.updatedAt.getTime() });
        write(`id: ${watermark}\nevent: generation\ndata: ${JSON.stringify(view)}\n\n`);
        if (single && isFinal(view)) terminal = true;
      }
      for (const [id, s] of sent) if (s.at < watermark - SLACK_MS - pollMs) sent.delete(id);
      return terminal ? "close" : "continue";
    },
  });
}
