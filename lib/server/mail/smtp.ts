import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { env } from "../env";

// Mail goes out over the SMTP server of SMTP_URL; without it, nothing in the app sends mail (the
// features that would are off). One transport per process and URL, built on first use.

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const KEY = Symbol.for("framehouse.smtpTransport");

/** Whether mail can be sent (SMTP_URL is configured; env.ts then requires MAIL_FROM too). */
export function mailConfigured(): boolean {
  return !!env().SMTP_URL;
}

function transport(url: string): Transporter {
  const g = globalThis as unknown as Record<symbol, { url: string; transporter: Transporter } | undefined>;
  // Bounded waits: a stalled server fails the send within about half a minute instead of never.
  if (g[KEY]?.url !== url) g[KEY] = { url, transporter: createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  return g[KEY].transporter;
}

/** Sends one mail from MAIL_FROM; rejects when the server refuses it or cannot be reached. */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const { SMTP_URL: url, MAIL_FROM: from } = env();
  if (!url || !from) throw new Error("SMTP_URL is not configured");
  await transport(url).sendMail({ from, ...mail });
}
