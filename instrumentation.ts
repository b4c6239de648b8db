// Next calls register() once per server process at start-up. Validate the configuration there so
// `next start`/`next dev` also stop with a message naming a bad variable, then start the in-app
// worker (WORKER_IN_APP, default on): `npm start` alone makes clips; `npm run worker` adds more.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./lib/server/env");
    const e = env();
    if (e.WORKER_IN_APP) {
      const { startInAppWorker } = await import("./lib/server/worker/in-app");
      startInAppWorker();
    }
  }
}
