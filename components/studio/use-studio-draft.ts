"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import type { ApiError } from "@/lib/client/api-error";
import { withWorkspace } from "@/lib/client/workspace-context";
import type { MessageKey } from "@/lib/i18n/translate";
import { isMessageKey } from "@/lib/i18n/translate";
import { DRAFT_SLOTS, type DraftSaved, type DraftSlot, type DraftState, draftStateSchema, type DraftView } from "@/lib/shared/studio-draft";
import { fromDraftState, toDraftState } from "./draft-state";
import { INITIAL_FORM } from "./form-state";

// Autosave of the studio form (PUT /api/studio/draft, per workspace): restored once on load, then
// saved a moment after the user stops changing it. Every save names the version it was based on; when
// another tab or device saved since, the server refuses (409 draft_conflict) and this tab stops saving
// and asks the user which draft to keep instead of overwriting the newer one.

const DEBOUNCE_MS = 700;

export type DraftStatus =
  | { kind: "loading" }
  | { kind: "idle" }
  | { kind: "restored"; at: string }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "invalid"; reason: MessageKey }
  | { kind: "error"; error: ApiError }
  | { kind: "conflict" };

const NO_IMAGES: Record<DraftSlot, string | null> = { image: null, start: null, end: null };
const EMPTY_KEY = JSON.stringify(toDraftState("text", INITIAL_FORM, "1", NO_IMAGES));

/** The draft as the form will hold it once applied (images that are gone are dropped), as compared JSON. */
function appliedKey(view: DraftView): string {
  if (!view.state) return EMPTY_KEY;
  const s = fromDraftState(view.state);
  const images = Object.fromEntries(DRAFT_SLOTS.map((k) => [k, view.images[k]?.status === "ok" ? view.state!.images[k] : null])) as Record<DraftSlot, string | null>;
  return JSON.stringify(toDraftState(s.mode, s.form, s.takes, images));
}

/** Runs a user's draft action; its failure is returned for the caller to show. */
async function attempt(action: () => Promise<void>): Promise<ApiError | null> {
  try {
    await action();
    return null;
  } catch (e) {
    return e as ApiError;
  }
}

function invalidReason(state: DraftState): MessageKey | null {
  const parsed = draftStateSchema.safeParse(state);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (issue?.message === "studio.error.promptTooLong") return "studio.draft.tooLong";
  return issue && isMessageKey(issue.message) ? issue.message : "errors.field.invalid";
}

export function useStudioDraft({
  teamId,
  snapshot,
  skipRestore,
  apply,
}: {
  teamId: string | null;
  /** The form now, as a draft. */
  snapshot: DraftState;
  /** A remix or continue link fills the form: the stored draft is not restored over it. */
  skipRestore: boolean;
  /** Puts a draft (or, for null, the empty form) into the form. */
  apply: (view: DraftView) => void;
}) {
  const url = withWorkspace("/api/studio/draft", teamId);
  const key = JSON.stringify(snapshot);
  const [status, setStatus] = useState<DraftStatus>({ kind: "loading" });
  const version = useRef(0);
  const saved = useRef<string | null>(null);
  const latest = useRef(key);
  const loaded = useRef(false);
  const blocked = useRef(false);
  const inFlight = useRef(false);
  const again = useRef(false);
  const applyRef = useRef(apply);
  useEffect(() => {
    latest.current = key;
    applyRef.current = apply;
  });

  const adopt = useCallback((view: DraftView) => {
    version.current = view.version;
    applyRef.current(view);
    saved.current = appliedKey(view);
    blocked.current = false;
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    apiFetch<DraftView>(url, { signal: ctrl.signal }).then(
      (view) => {
        loaded.current = true;
        if (view.state && !skipRestore) {
          adopt(view);
          setStatus({ kind: "restored", at: view.savedAt ?? new Date().toISOString() });
        } else {
          version.current = view.version;
          // Whatever differs from the empty form (a remix or continue link filled it) is saved.
          saved.current = EMPTY_KEY;
          setStatus({ kind: "idle" });
        }
      },
      (error: unknown) => {
        if (ctrl.signal.aborted) return;
        // Without the stored version a save could only conflict: stay read-only and say why.
        setStatus({ kind: "error", error: error as ApiError });
      },
    );
    return () => ctrl.abort();
    // Loaded once per mount: the form is remounted for another workspace.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // One save at a time; a change made while one is in flight is saved right after it. A ref, set after
  // each render, so the timer, the retry and the conflict actions all run the latest version.
  const saveNow = useRef(async () => {});
  useEffect(() => {
    saveNow.current = async () => {
      if (!loaded.current || blocked.current) return;
      if (inFlight.current) {
        again.current = true;
        return;
      }
      const body = latest.current;
      if (body === saved.current) return;
      inFlight.current = true;
      setStatus({ kind: "saving" });
      try {
        const r = await apiFetch<DraftSaved>(url, { method: "PUT", json: { baseVersion: version.current, state: JSON.parse(body) as unknown } });
        version.current = r.version;
        saved.current = body;
        setStatus({ kind: "saved", at: r.savedAt });
      } catch (e) {
        const error = e as ApiError;
        if (error.code === "draft_conflict") {
          blocked.current = true;
          setStatus({ kind: "conflict" });
        } else {
          setStatus({ kind: "error", error });
        }
      } finally {
        inFlight.current = false;
        if (again.current) {
          again.current = false;
          void saveNow.current();
        }
      }
    };
  });

  // A form the server would refuse (a prompt over 512 characters) is not sent; the status says why.
  const invalid = invalidReason(snapshot);
  useEffect(() => {
    if (!loaded.current || blocked.current || key === saved.current || invalid) return;
    const timer = setTimeout(() => void saveNow.current(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, invalid]);

  // Leaving (reload, closing the tab, switching workspace) within the debounce still saves the last change.
  useEffect(() => {
    function flush() {
      const body = latest.current;
      if (!loaded.current || blocked.current || inFlight.current || body === saved.current) return;
      if (invalidReason(JSON.parse(body) as DraftState)) return;
      saved.current = body;
      void apiFetch(url, { method: "PUT", keepalive: true, json: { baseVersion: version.current, state: JSON.parse(body) as unknown } }).catch(() => undefined);
    }
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [url]);

  const clear = useCallback(
    () =>
      attempt(async () => {
        const r = await apiFetch<DraftSaved>(url, { method: "DELETE" });
        adopt({ version: r.version, savedAt: r.savedAt, state: null, images: {} });
        loaded.current = true;
        setStatus({ kind: "idle" });
      }),
    [adopt, url],
  );

  /** Conflict: take the other tab's draft. */
  const loadNewer = useCallback(
    () =>
      attempt(async () => {
        const view = await apiFetch<DraftView>(url);
        adopt(view);
        setStatus({ kind: "restored", at: view.savedAt ?? new Date().toISOString() });
      }),
    [adopt, url],
  );

  /** Conflict: save this tab's form over the other draft, knowingly (on the version stored now). */
  const keepMine = useCallback(
    () =>
      attempt(async () => {
        const view = await apiFetch<DraftView>(url);
        version.current = view.version;
        blocked.current = false;
        saved.current = null;
        await saveNow.current();
      }),
    [url],
  );

  const shown: DraftStatus = invalid && status.kind !== "conflict" && status.kind !== "loading" ? { kind: "invalid", reason: invalid } : status;
  return { status: shown, clear, loadNewer, keepMine };
}
