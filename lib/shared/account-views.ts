/** GET/PATCH /api/account: the signed-in person's own account. */
export interface AccountView {
  id: string;
  email: string;
  name: string | null;
  /** The language chosen on the account page (null: the browser's). */
  locale: "zh-CN" | "en" | null;
  role: "USER" | "ADMIN";
  /** False for an account made through GitHub/OIDC: there is no password to change. */
  hasPassword: boolean;
}

/** A row of the admin's user list (GET /api/admin/users). */
export interface AdminUserRow {
  id: string;
  email: string;
  name: string | null;
  role: "USER" | "ADMIN";
  disabledAt: string | null;
  createdAt: string;
  lastSeenAt: string | null;
  /** Active sessions (signed-in browsers, auth/user-sessions.ts): a count only, never which ones. */
  activeSessions: number;
  /** HOLD − REFUND of this calendar month (the budget time zone), all workspaces, in fen. */
  spentThisMonthFen: number;
}

/** POST /api/admin/users/:userId/reset-link: shown once; only its hash is stored. */
export interface ResetLinkView {
  url: string;
  expiresAt: string;
}

/** GET /api/account/sessions: one active session (a signed-in browser) of the account. */
export interface SessionView {
  id: string;
  /** The session of the device asking. */
  current: boolean;
  /** From the browser's User-Agent at sign-in (lib/shared/device-label.ts); null parts were not recognised. */
  browser: string | null;
  os: string | null;
  createdAt: string;
  lastSeenAt: string;
}
