// Stored media and uploads are user-influenced bytes: served under their own CSP, sandboxed, never
// framed. next.config.mjs leaves its page-oriented baseline CSP off these paths (a config header
// would replace this one), so this is the complete policy of every media response.
export const MEDIA_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";
