// What the benches that drive the studio's own services share: a film owned by a seeded user (with
// the Access the services take), and one in-process worker on the harness with the production runner
// settings (lease 60 s, idle poll 1 s) scaled like the simulator, as P6 and F2 run it.
import path from "node:path";
import type { Upstream } from "@/lib/server/bigmodel/upstream";
import { createFilm } from "@/lib/server/films/films";
import type { Access } from "@/lib/server/permissions";
import { type RunningWorker, startWorker } from "@/lib/server/worker/start-worker";
import type { FilmView } from "@/lib/shared/film/film-views";
import { type Harness, seedUser } from "../../tests/support/worker-harness";

export async function benchFilm(h: Harness, name: string): Promise<{ access: Access; film: FilmView }> {
  const id = await seedUser(h.db);
  const access: Access = { actor: { id, email: `${name.toLowerCase()}@example.test`, name: null, role: "USER", locale: null, sessionVersion: 0, sessionId: "no-session" }, roles: new Map() };
  const film = await createFilm(h.db, access, { kind: "personal" }, { title: name, aspect: "16:9", style: "general" }, "127.0.0.1");
  return { access, film };
}

export function benchWorker(h: Harness, opts: { speed: number; cap: number; concurrency: number; upstream?: () => Promise<Upstream> }): RunningWorker {
  return startWorker({
    db: h.db,
    provider: "sqlite",
    storage: h.storage,
    upstream: opts.upstream ?? h.upstream,
    leaseMs: 60_000,
    timeScale: opts.speed,
    modelCap: opts.cap,
    concurrency: opts.concurrency,
    idlePollMs: Math.max(10, Math.round(1_000 / opts.speed)),
    scratchDir: path.join(h.dir, "scratch"),
  });
}
