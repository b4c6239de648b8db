// Next calls register() once per server process at start-up. Validate the configuration there so
// `next start`/`next dev` also stop with a message naming a bad variable.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./lib/server/env");
    env();
  }
}
