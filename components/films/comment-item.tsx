"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { timecode } from "@/lib/client/format";
import type { CommentView } from "@/lib/shared/film/film-views";
import { CommentForm } from "./comment-form";
import { editComment } from "./film-api";
import { NoticeLine, useAction } from "./use-action";
import { ActionButton } from "@/components/ui/action-button";

/**
 * One comment in a player's list: a button that seeks there, and — where the server says this reader
 * may (`comment.may`) — edit in place and delete after a second, explicit click. An edit's outcome is
 * shown under the comment; a delete is the player's (`onDelete`), since the comment and its line go.
 */
export function CommentItem({ comment: c, onSeek, onChanged, onDelete }: { comment: CommentView; onSeek: (timeMs: number) => void; onChanged: (c: CommentView) => void; onDelete: (c: CommentView) => Promise<void> }) {
  const { t } = useI18n();
  const { run, notice, busy } = useAction();
  const [draft, setDraft] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function save() {
    if (draft === null) return;
    const body = draft;
    const r = await run("films.busy.saving", () => t("films.comments.edited", { at: timecode(c.timeMs) }), () => editComment(c.id, body));
    if (r) {
      onChanged(r.comment);
      setDraft(null);
    }
  }

  async function remove() {
    await onDelete(c);
    setConfirming(false);
  }

  return (
    <li className="flex flex-col gap-1" data-testid="comment-item">
      {draft !== null ? (
        <CommentForm
          formLabel={t("films.comments.editLabel", { at: timecode(c.timeMs) })}
          fieldLabel={t("films.comments.editLabel", { at: timecode(c.timeMs) })}
          body={draft}
          onBody={setDraft}
          onSubmit={save}
          onCancel={() => setDraft(null)}
          busy={busy}
          submitLabel={t("films.comments.save")}
          submitTestId="comment-save"
          boxTestId="comment-edit-box"
        />
      ) : (
        <div className="flex flex-wrap items-start gap-1">
          <ActionButton type="button" className="min-w-0 flex-1 rounded-md px-2 py-1 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800" onClick={() => onSeek(c.timeMs)} data-testid="comment">
            <span className="sr-only">{t("films.comments.seek")} </span>
            <span className="font-mono text-xs font-semibold text-indigo-800 dark:text-indigo-300">{timecode(c.timeMs)}</span> {c.body}
            {c.authorName && <span className="text-xs text-zinc-600 dark:text-zinc-400"> — {c.authorName}</span>}
          </ActionButton>
          {c.may.edit && (
            <Button type="button" variant="secondary" onClick={() => setDraft(c.body)} aria-label={t("films.comments.edit", { at: timecode(c.timeMs) })} data-testid="comment-edit">
              {t("films.comments.editShort")}
            </Button>
          )}
          {c.may.delete &&
            (confirming ? (
              <>
                <Button type="button" disabled={busy} onClick={remove} data-testid="comment-delete-confirm">
                  {t("films.comments.deleteConfirm")}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                  {t("films.cancel")}
                </Button>
              </>
            ) : (
              <Button type="button" variant="secondary" onClick={() => setConfirming(true)} aria-label={t("films.comments.delete", { at: timecode(c.timeMs) })} data-testid="comment-delete">
                {t("films.comments.deleteShort")}
              </Button>
            ))}
        </div>
      )}
      <NoticeLine notice={notice} testId="comment-item-notice" />
    </li>
  );
}
