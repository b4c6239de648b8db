// How long a session token lives without use (next-auth re-issues it while the browser is in use). Its
// own module because the cookie writer, next-auth's options and the session rows' pruning all read it.
export const SESSION_MAX_AGE_SEC = 30 * 24 * 3600;
