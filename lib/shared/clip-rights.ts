import type { ClipRights, GenerationView } from "./generation-view";
import type { TeamAction } from "./team-roles";

// What the UI offers for one clip. Gallery views carry the server's per-clip rights; a view without
// them (a live event, a take just queued) falls back to what the actor's role allows in the workspace
// (WorkspaceSummary.clipActions, from the server's permission table) — never to "everything", so a
// viewer is not offered a tag editor, a favourite key or a share panel that would answer 403.

export type ClipAction = Extract<TeamAction, `clip.${string}`>;
export const CLIP_ACTIONS = ["clip.view", "clip.download", "clip.generate", "clip.annotate", "clip.shareOwn", "clip.deleteOwn", "clip.manageAny"] as const satisfies readonly ClipAction[];

export function rightsOf(clip: Pick<GenerationView, "rights">, allowed: readonly ClipAction[]): ClipRights {
  if (clip.rights) return clip.rights;
  const has = (a: ClipAction) => allowed.includes(a);
  return {
    download: has("clip.download"),
    annotate: has("clip.annotate"),
    share: has("clip.shareOwn") || has("clip.manageAny"),
    delete: has("clip.deleteOwn") || has("clip.manageAny"),
    retry: has("clip.generate"),
    cancel: has("clip.generate") || has("clip.manageAny"),
    move: false,
  };
}
