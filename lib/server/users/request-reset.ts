import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { isLocale } from "@/lib/i18n/locales";
import { recordAudit } from "../audit/record-audit";
import { normalizeEmail } from "../auth/login-throttle";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { logger } from "../logger";
import { mailConfigured, sendMail } from "../mail/smtp";
import { insertResetLink } from "./password-reset";
import { takeResetRequestTokens } from "./reset-request-limit";
import { resetMail } from "./reset-mail";

// "Forgot password?" with SMTP configured: anyone may ask for a reset link for an email address. The
// answer is always the same 202 and is given before anything is looked up: whether the address has
// an account, is disabled, or the SMTP server is slow or down never shows in the answer or in how
// long it takes. The lookup, the link (password-reset.ts: the admin's kind of link, one mechanism)
// and the mail happen after the answer, in this process.
//
// Not a job of the runner: a job's payload is stored, and the mail needs the token itself, which is
// never stored (only its hash is). A send that fails is logged and audited (user.reset_mail
// {sent: false}); the person asks again.

export interface ResetRequest {
  email: string;
  ip: string;
  /** The request's language: the mail's when the account has none saved. */
  locale: Locale;
  /** The origin links start with (http/public-origin.ts). */
  origin: string;
}

const KEY = Symbol.for("framehouse.resetRequestsInFlight");

function inFlight(): Set<Promise<void>> {
  const g = globalThis as unknown as Record<symbol, Set<Promise<void>> | undefined>;
  g[KEY] ??= new Set();
  return g[KEY];
}

/** Accepts a reset request (or refuses it: feature off, rate limited) and does the work after the answer. */
export function requestPasswordReset(client: Db, req: ResetRequest): void {
  if (!mailConfigured()) throw new AppError("reset_mail_off");
  const email = normalizeEmail(req.email);
  takeResetRequestTokens(req.ip, email);
  const work = issueAndMail(client, { ...req, email }).catch((err: unknown) => logger.error("reset.request_failed", { error: err }));
  const pending = inFlight();
  pending.add(work);
  void work.finally(() => pending.delete(work));
}

/** Test hook: resolves once every accepted request so far has finished its lookup and mail. */
export async function settleResetRequests(): Promise<void> {
  while (inFlight().size > 0) await Promise.all([...inFlight()]);
}

async function issueAndMail(client: Db, req: ResetRequest): Promise<void> {
  const now = new Date();
  const issued = await writeTransaction(client, async (tx) => {
    const user = await tx.user.findUnique({ where: { email: req.email }, select: { id: true, locale: true, disabledAt: true } });
    if (!user) return null;
    const base = { teamId: null, actorId: null, action: "user.reset_requested", targetType: "user", targetId: user.id, ip: req.ip } as const;
    // A disabled account gets no link (it would be refused anyway); the attempt is still on record.
    if (user.disabledAt) {
      await recordAudit(tx, { ...base, data: { mail: false, reason: "disabled" } });
      return null;
    }
    const link = await insertResetLink(tx, user.id, null, now);
    await recordAudit(tx, { ...base, data: { mail: true } });
    return { ...link, userId: user.id, locale: isLocale(user.locale) ? user.locale : req.locale };
  });
  if (!issued) return;
  const url = `${req.origin}/reset/${issued.token}`;
  let sent = true;
  try {
    await sendMail(resetMail(req.email, url, issued.expiresAt, issued.locale));
  } catch (err) {
    sent = false;
    // What the SMTP server answered, never the mail (it holds the token).
    const e = err as { code?: unknown; responseCode?: unknown; command?: unknown; message?: unknown };
    logger.warn("reset.mail_failed", { userId: issued.userId, code: String(e.code ?? ""), responseCode: Number(e.responseCode ?? 0), command: String(e.command ?? ""), message: String(e.message ?? "").replaceAll(issued.token, "[token]") });
  }
  await recordAudit(client, { teamId: null, actorId: null, action: "user.reset_mail", targetType: "user", targetId: issued.userId, ip: req.ip, data: { sent } });
}
