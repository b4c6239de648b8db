import { db } from "@/lib/server/db";
import { workspaceOf } from "@/lib/server/gallery/gallery-where";
import { route } from "@/lib/server/http/route";
import { clearDraft, getDraft, saveDraft } from "@/lib/server/studio-drafts/studio-draft";
import { workspaceQuerySchema } from "@/lib/shared/gallery-filters";
import { DRAFT_MAX_BODY_BYTES, saveDraftSchema } from "@/lib/shared/studio-draft";

export const runtime = "nodejs";

// The studio form's draft in one workspace (personal, or ?team=<id>): needs the right to generate there
// (a team the actor is not in 404, a viewer 403 team_role_forbidden).
// GET -> {version, savedAt, state|null, images: {image|start|end: {status: "ok", upload} | {status: "missing"}}}
export const GET = route({ auth: "user", query: workspaceQuerySchema }, ({ access, query }) => getDraft(db(), access, workspaceOf(query)));

// PUT {baseVersion, state} -> {version, savedAt}; 409 draft_conflict when another tab saved since baseVersion.
export const PUT = route({ auth: "user", query: workspaceQuerySchema, body: saveDraftSchema, maxBodyBytes: DRAFT_MAX_BODY_BYTES }, ({ access, query, body }) =>
  saveDraft(db(), access, workspaceOf(query), body.baseVersion, body.state),
);

// DELETE -> {version, savedAt}: "Clear draft" (the version still rises, so older tabs are told).
export const DELETE = route({ auth: "user", query: workspaceQuerySchema }, ({ access, query }) => clearDraft(db(), access, workspaceOf(query)));
