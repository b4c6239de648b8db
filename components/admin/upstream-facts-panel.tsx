import type { Translate } from "@/lib/i18n/translate";
import type { UpstreamFacts } from "@/lib/shared/upstream/upstream-facts";

// What `npm run upstream:check` last learned about the platform (docs/upstream.md), or that nothing
// was checked yet, in which case the studio holds ambiguous creates for an admin.
export function UpstreamFactsPanel({ facts, t }: { facts: UpstreamFacts | null; t: Translate }) {
  return (
    <section aria-labelledby="facts-title" className="flex flex-col gap-2 text-sm">
      <h2 id="facts-title" className="text-lg font-semibold">
        {t("admin.facts.title")}
      </h2>
      {!facts ? (
        <p>{t("admin.facts.never")}</p>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt>{t("admin.facts.checkedAt")}</dt>
          <dd>{`${facts.checkedAt} (${facts.upstream}, ${facts.baseUrl})`}</dd>
          <dt>{t("admin.facts.key")}</dt>
          <dd>{facts.key.ok ? "OK" : `HTTP ${facts.key.httpStatus} ${facts.key.code ?? ""}`}</dd>
          <dt>{t("admin.facts.repeat")}</dt>
          <dd data-repeat={facts.repeatRequestId}>{t(`admin.facts.repeat.${facts.repeatRequestId}`)}</dd>
          <dt>{t("admin.facts.hosts")}</dt>
          <dd>{facts.resultHosts.join(", ") || "—"}</dd>
          <dt>{t("admin.facts.seconds")}</dt>
          <dd>{facts.generationSeconds ?? "—"}</dd>
          {Object.entries(facts.models).map(([model, probes]) => (
            <div key={model} className="contents">
              <dt className="font-mono">{model}</dt>
              <dd className="font-mono">
                {Object.entries(probes)
                  .map(([name, p]) => `${name}: ${p.httpStatus}${p.code ? ` ${p.code}` : ""}`)
                  .join(" · ")}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
