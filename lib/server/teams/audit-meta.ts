import "server-only";

/** Request facts every team change records in its audit event. */
export interface ChangeMeta {
  ip?: string | null;
}
