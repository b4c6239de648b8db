"use client";
import { MODE_LABEL_KEY } from "@/lib/shared/generation-mode";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SharePanel } from "@/components/share/share-panel";
import { StatusChip } from "@/components/studio/status-chip";
import { useSteadyMediaSrc } from "@/lib/client/steady-media-src";
import { formatBytes } from "@/lib/client/format";
import { useClipRights } from "@/lib/client/workspace-context";
import { formatFen } from "@/lib/shared/money";
import type { MessageKey } from "@/lib/i18n/translate";
import { aspectBoxStyle, clipFrameSize } from "@/lib/shared/clip-aspect";
import type { GenerationView } from "@/lib/shared/generation-view";
import { ClipActions } from "./clip-actions";
import { SiblingTakes } from "./sibling-takes";
import { useFormatTime } from "@/components/i18n/time-zone";
import { spanBetween } from "./format-time";
import { TagEditor } from "./tag-editor";

/** The detail player is large: a portrait clip fills the height of the screen, not a 16:9 box. */
const PLAYER_MAX_HEIGHT = "75vh";
const MOVEMENTS = ["auto", "small", "medium", "large"];

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-zinc-100 py-1.5 text-sm last:border-0 dark:border-zinc-800">
      <dt className="text-zinc-700 dark:text-zinc-300">{label}</dt>
      <dd className="text-right font-medium break-all">{children}</dd>
    </div>
  );
}

export interface DetailHandlers {
  busy: boolean;
  tagSuggestions: string[];
  onFavourite: () => void;
  onAddTag: (tag: string) => void;
  onRemoveTag: (tag: string) => void;
  onDelete: () => void;
  onRetry: () => void;
  /** Make the poster and preview again after they failed (the clip itself plays). */
  onRemakePoster: () => void;
  /** The clip moved from the personal space into a team. */
  onMoved?: (view: GenerationView) => void;
}

/** Everything about one clip: player, parameters, inputs, timings, cost, upstream ids, reason, actions. */
export function ClipDetail({ clip, headingId, handlers }: { clip: GenerationView; headingId: string; handlers: DetailHandlers }) {
  const { locale, t } = useI18n();
  const when = useFormatTime();
  const may = useClipRights(clip);
  const v = clip.media.video;
  // A refreshed view of the same clip carries a re-signed URL: keep playing the one the player has.
  const videoSrc = useSteadyMediaSrc(v?.url);
  const p = clip.params;
  const box = aspectBoxStyle(clipFrameSize(clip), PLAYER_MAX_HEIGHT);
  const timings: [MessageKey, string | null][] = [
    ["gallery.detail.queued", spanBetween(clip.createdAt, clip.submittedAt, locale)],
    ["gallery.detail.generating", spanBetween(clip.acceptedAt ?? clip.submittedAt, clip.successSeenAt, locale)],
    ["gallery.detail.downloading", spanBetween(clip.successSeenAt, clip.downloadedAt, locale)],
    ["gallery.detail.total", spanBetween(clip.createdAt, clip.finishedAt, locale)],
  ];
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" data-testid="clip-detail" data-id={clip.id}>
      <div className="flex flex-col gap-4">
        {v ? (
          <video
            controls
            preload="metadata"
            poster={clip.media.poster?.url ?? clip.media.cover?.url}
            src={videoSrc}
            style={box}
            className="mx-auto rounded-lg bg-black object-contain"
            aria-label={clip.prompt || t("gallery.card.untitled")}
            data-testid="detail-video"
          >
            {/* Generated clips have no speech to caption (at most generated background music). */}
            <track kind="captions" />
          </video>
        ) : (
          <div style={box} className="mx-auto flex items-center justify-center rounded-lg bg-zinc-200 p-4 text-center text-sm dark:bg-zinc-800">
            {clip.errorMessage?.[locale] ?? t("gallery.detail.noVideo")}
          </div>
        )}
        <section aria-labelledby={`${headingId}-prompt`} className="flex flex-col gap-1">
          <h3 id={`${headingId}-prompt`} className="text-sm font-semibold">
            {t("gallery.detail.prompt")}
          </h3>
          <p className="whitespace-pre-wrap text-base" data-testid="detail-prompt">
            {clip.prompt || t("gallery.detail.noPrompt")}
          </p>
        </section>
        <ClipActions clip={clip} handlers={handlers} />
        <SiblingTakes clip={clip} />
        {/* Mounted only for those who may share: the panel's list request would be a 403 otherwise. */}
        {may.share && <SharePanel key={clip.id} generationId={clip.id} status={clip.status} />}
        {clip.errorMessage && (
          <section className="rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
            <h3 className="font-semibold">{t("gallery.detail.reason")}</h3>
            <p>{clip.errorMessage[locale]}</p>
            {/* Every end without a video refunds its hold exactly once (docs/reliability.md). */}
            {clip.costFen > 0 && <p data-testid="detail-refunded">{t("gallery.detail.refunded", { amount: formatFen(clip.costFen) })}</p>}
          </section>
        )}
        {clip.inputs.length > 0 && (
          <section className="flex flex-col gap-2">
            <h3 className="text-sm font-semibold">{t("gallery.detail.inputs")}</h3>
            <ul className="flex flex-wrap gap-2">
              {clip.inputs.map((i) => (
                <li key={i.position}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own upload route */}
                  <img
                    src={i.url}
                    alt={t("gallery.detail.input", { n: i.position + 1 })}
                    loading="lazy"
                    className="h-24 w-auto rounded border border-zinc-300 object-contain dark:border-zinc-700"
                  />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <div className="flex flex-col gap-5">
        {may.annotate && (
          <TagEditor
            tags={clip.tags ?? []}
            suggestions={handlers.tagSuggestions}
            busy={handlers.busy}
            onAdd={handlers.onAddTag}
            onRemove={handlers.onRemoveTag}
          />
        )}
        <section>
          <h3 className="mb-1 text-sm font-semibold">{t("gallery.detail.parameters")}</h3>
          <dl>
            <Row label={t("gallery.detail.status")}>
              <StatusChip status={clip.status} />
            </Row>
            <Row label={t("gallery.detail.mode")}>{t(MODE_LABEL_KEY[clip.mode])}</Row>
            <Row label={t("gallery.detail.model")}>{clip.model}</Row>
            {p.style && <Row label={t("gallery.detail.style")}>{t(p.style === "anime" ? "studio.style.anime" : "studio.style.general")}</Row>}
            {p.aspectRatio && <Row label={t("gallery.detail.aspect")}>{p.aspectRatio}</Row>}
            <Row label={t("gallery.detail.movement")}>
              {MOVEMENTS.includes(p.movementAmplitude) ? t(`studio.movement.${p.movementAmplitude}` as MessageKey) : p.movementAmplitude}
            </Row>
            {p.withAudio !== undefined && <Row label={t("gallery.detail.audio")}>{t(p.withAudio ? "gallery.detail.yes" : "gallery.detail.no")}</Row>}
            {v?.width && v.height && <Row label={t("gallery.detail.resolution")}>{`${v.width}×${v.height}`}</Row>}
            {v && <Row label={t("gallery.detail.size")}>{formatBytes(v.bytes, locale)}</Row>}
            <Row label={t("gallery.detail.cost")}>{formatFen(clip.costFen)}</Row>
            {clip.creator && <Row label={t("gallery.detail.creator")}>{clip.creator.name}</Row>}
          </dl>
        </section>
        <section>
          <h3 className="mb-1 text-sm font-semibold">{t("gallery.detail.timings")}</h3>
          <dl>
            <Row label={t("gallery.detail.created")}>{when(clip.createdAt)}</Row>
            {timings.map(([key, value]) => (value ? <Row key={key} label={t(key)}>{value}</Row> : null))}
          </dl>
        </section>
        <section>
          <h3 className="mb-1 text-sm font-semibold">{t("gallery.detail.upstream")}</h3>
          <dl>
            <Row label={t("gallery.detail.requestId")}>
              <code className="text-xs">{clip.upstream.requestId}</code>
            </Row>
            {clip.upstream.taskId && (
              <Row label={t("gallery.detail.taskId")}>
                <code className="text-xs">{clip.upstream.taskId}</code>
              </Row>
            )}
          </dl>
        </section>
      </div>
    </div>
  );
}
