"use client";
import { createContext, type ReactNode, useContext } from "react";
import { CLIP_ACTIONS, rightsOf } from "@/lib/shared/clip-rights";
import type { ClipRights, GenerationView } from "@/lib/shared/generation-view";
import type { WorkspaceInfo } from "@/lib/shared/workspace-view";

// The current workspace (personal or one team), decided on the server from the workspace cookie and
// the actor's CURRENT memberships, handed to every client component of the page. API calls add
// `team=<id>` through withWorkspace(); the server authorizes that team again on each request.

const PERSONAL: WorkspaceInfo = { teamId: null, teamName: null, role: null, canGenerate: true, clipActions: [...CLIP_ACTIONS], teams: [] };
const WorkspaceContext = createContext<WorkspaceInfo>(PERSONAL);

export function WorkspaceProvider({ value, children }: { value: WorkspaceInfo; children: ReactNode }) {
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceInfo {
  return useContext(WorkspaceContext);
}

/** `url` with the workspace's `team` query parameter (unchanged for the personal workspace). */
export function withWorkspace(url: string, teamId: string | null): string {
  if (!teamId) return url;
  return `${url}${url.includes("?") ? "&" : "?"}team=${encodeURIComponent(teamId)}`;
}

/** What the actor may do with `clip` here: its own rights, else what their role allows in the workspace. */
export function useClipRights(clip: Pick<GenerationView, "rights">): ClipRights {
  return rightsOf(clip, useContext(WorkspaceContext).clipActions);
}
