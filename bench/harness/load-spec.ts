// The contract between the bench (load.ts) and the load-generator process (load-client.ts).

export interface RequestTarget {
  name: string;
  url: string;
  method: "GET" | "POST";
  /** Header values and the body may contain {{uuid}}: replaced by a fresh UUID per request. */
  headers: Record<string, string>;
  /** Virtual user i sends headerSets[i % length] on top of `headers` (e.g. one session cookie each). */
  headerSets: Record<string, string>[];
  body?: string;
}

export interface RangeTarget {
  name: string;
  url: string;
  headers: Record<string, string>;
}

export type LoadSpec =
  | {
      kind: "requests";
      targets: RequestTarget[];
      concurrency: number;
      /** Requests per target per round (unmeasured warm-up first). */
      warmup: number;
      perRound: number;
      rounds: number;
      timeoutMs: number;
    }
  | {
      kind: "ranges";
      targets: RangeTarget[];
      concurrency: number;
      fileBytes: number;
      chunkBytes: number;
      warmupMs: number;
      durationMs: number;
      /** Measured rounds; odd rounds run the targets in reverse order (A B, then B A). */
      rounds: number;
      timeoutMs: number;
    };

export interface TargetResult {
  /** Time to the last body byte, ms, one per completed request. */
  latencies: number[];
  /** Time to the response headers, ms. */
  ttfb: number[];
  /** Time to the first body byte, ms (the time to the last one for an empty body). */
  firstByte: number[];
  bytes: number;
  /** Body bytes of the unmeasured warm-up requests (what the server also sent, for CPU per byte). */
  warmupBytes: number;
  /** Summed wall time of the measured rounds. */
  wallMs: number;
  /** Each measured round on its own: its bytes, wall time and where its samples start in `latencies`/`ttfb`. */
  rounds: RoundResult[];
  statuses: Record<string, number>;
  /** The Server-Timing header of each completed request ("" without one), in the order of `latencies`. */
  serverTiming: string[];
  errors: number;
  firstError: string | undefined;
}

interface RoundResult {
  bytes: number;
  wallMs: number;
  /** Index of the round's first sample in `latencies` and `ttfb`. */
  first: number;
}

export interface LoadResult {
  targets: Record<string, TargetResult>;
}
