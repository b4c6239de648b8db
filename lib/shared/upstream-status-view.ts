// GET /api/upstream/status, as the studio banner reads it: whether the simulator stands in for
// BigModel, and the account breaker (open while the account refuses submits, e.g. no balance).

export interface BreakerView {
  open: boolean;
  code: string | null;
  /** What the code means, in both languages (never the upstream's own, Chinese-only text). */
  message: { en: string; "zh-CN": string } | null;
  since: string | null;
}

export interface UpstreamStatusView {
  mode: "simulator" | "bigmodel";
  breaker: BreakerView;
}
