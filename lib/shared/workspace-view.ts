import type { ClipAction } from "./clip-rights";
import type { TeamRole } from "./team-roles";

// The workspace a signed-in page renders in (personal or one team), decided on the server from the
// workspace cookie and the actor's current memberships, and handed to the page's client components.

export interface WorkspaceSummary {
  /** null = personal */
  teamId: string | null;
  teamName: string | null;
  role: TeamRole | null;
  canGenerate: boolean;
  /**
   * What the actor may do with clips in this workspace, from the server's permission table (the
   * personal space: everything). The UI hides what is not listed; the server checks every call again.
   */
  clipActions: ClipAction[];
}

export interface WorkspaceInfo extends WorkspaceSummary {
  /** The actor's teams, by name (the switcher's options); `canGenerate` there (moving a personal clip in needs it). */
  teams: { id: string; name: string; canGenerate: boolean }[];
}

/** Everything the signed-in frame (header and workspace) shows. */
export interface ShellView {
  email: string;
  /** The display name chosen on the account page (null: none; the header shows the email). */
  name: string | null;
  isInstanceAdmin: boolean;
  /** The built-in simulator, not BigModel, makes the clips. */
  simulator: boolean;
  workspace: WorkspaceInfo;
}
