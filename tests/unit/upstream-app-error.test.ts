import { describe, expect, it } from "vitest";
import { translate } from "@/lib/i18n/translate";
import { upstreamAppError } from "@/lib/server/bigmodel/upstream-app-error";
import { UpstreamError, type UpstreamErrorKind } from "@/lib/server/bigmodel/upstream-error";

const upstream = (kind: UpstreamErrorKind, code: string, retryAfterMs?: number) =>
  new UpstreamError({ kind, code, httpStatus: 400, operation: "image", message: `image: code ${code}`, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });

describe("upstreamAppError: a still's or a line's upstream failure in the one taxonomy", () => {
  it.each([
    ["rejected", "1301", "upstream_unsafe", 422],
    ["rejected", "1214", "upstream_rejected", 422],
    ["rejected", "1261", "upstream_rejected", 422],
    ["queue", "1302", "upstream_busy", 503],
    ["retry", "1305", "upstream_busy", 503],
    ["ambiguous", "reset", "upstream_busy", 503],
    ["malformed", "not-wav", "upstream_busy", 503],
    ["breaker", "1113", "upstream_unavailable", 503],
    ["breaker", "401", "upstream_unavailable", 503],
  ] as const)("%s %s → %s (%i)", (kind, code, appCode, status) => {
    const e = upstreamAppError(upstream(kind, code));
    expect([e.code, e.status, e.vars]).toEqual([appCode, status, { code }]);
    for (const locale of ["en", "zh-CN"] as const) {
      const text = translate(locale, `errors.${e.code}`, e.vars);
      expect(text).toContain(code);
      expect(text).not.toContain("{");
    }
  });

  it("a busy answer keeps the platform's Retry-After", () => {
    expect(upstreamAppError(upstream("retry", "1305", 2_500)).headers).toEqual({ "Retry-After": "3" });
    expect(upstreamAppError(upstream("breaker", "1113", 2_500)).headers).toBeUndefined();
  });
});
