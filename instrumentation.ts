// Next calls register() once per server process at start-up. Validate the configuration there so
// `next start`/`next dev` also stop with a message naming a bad variable, then start the in-app
// worker (WORKER_IN_APP, default on): `npm start` alone makes clips; `npm run worker` adds more.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./lib/server/env");
    const e = env();
    // Signed media URLs answered before Next (lib/shared/media-fast-path.ts); scripts/server.mjs asks for it.
    const [{ publishMediaFastPath }, { signedMediaNode }, { storage }, { mediaUrlKey }] = await Promise.all([
      import("./lib/shared/media-fast-path"),
      import("./lib/server/media-access/signed-media-node"),
      import("./lib/server/storage/instance"),
      import("./lib/server/media-access/media-url-key"),
    ]);
    publishMediaFastPath(signedMediaNode(storage, mediaUrlKey));
    if (e.WORKER_IN_APP) {
      const { startInAppWorker } = await import("./lib/server/worker/in-app");
      startInAppWorker();
    }
  }
}
