/** The integration tests' shared simulator render cache. */
export const INTEGRATION_RENDER_CACHE: string;
/** The browser tests' render cache; SIMULATOR_RENDER_CACHE_DIR overrides it. */
export function e2eRenderCache(env?: NodeJS.ProcessEnv): string;
/** A clip no run has asked for in this long is swept. */
export const UNUSED_RENDER_MAX_AGE_MS: number;
