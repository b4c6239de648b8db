// A browser-less EventSource stand-in: reads GET /api/generations/events over fetch and records
// every `generation` event with the local time it arrived, so a test can measure how long a change
// written by another process takes to reach a client of this instance.

export interface ReceivedEvent {
  id: string;
  status: string;
  updatedAt: string;
  receivedAt: number;
}

export interface SseClient {
  events: ReceivedEvent[];
  /** Resolves with the first event (already received or future) matching `pred`. */
  waitFor(pred: (e: ReceivedEvent) => boolean, timeoutMs: number): Promise<ReceivedEvent>;
  close(): void;
}

export async function connectSse(url: string, cookie: string): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`SSE ${url} answered ${res.status}`);
  const events: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split("\n")
            .filter((l) => l.startsWith("data: "))
            .map((l) => l.slice(6))
            .join("\n");
          if (!/^event: generation$/m.test(block) || !data) continue;
          const view = JSON.parse(data) as { id: string; status: string; updatedAt: string };
          events.push({ id: view.id, status: view.status, updatedAt: view.updatedAt, receivedAt: Date.now() });
          for (const w of waiters) w();
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    events,
    waitFor(pred, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(pred);
          if (!hit) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.map((e) => e.status))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => abort.abort(),
  };
}
