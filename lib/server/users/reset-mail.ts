import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";
import { formatInstant } from "@/lib/shared/time-format";
import type { OutgoingMail } from "../mail/smtp";

// The mail that carries a reset link: the link and its expiry, nothing about the account (a mail can
// be forwarded or read over a shoulder). Plain text for every client, the same words as HTML. The
// expiry is written in UTC: the server does not know the reader's time zone.

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function resetMail(to: string, url: string, expiresAt: Date, locale: Locale): OutgoingMail {
  const t = translatorFor(locale);
  const until = `${formatInstant(expiresAt, locale, "UTC")} UTC`;
  const intro = t("resetMail.intro");
  const expiry = t("resetMail.expiry", { until });
  const ignore = t("resetMail.ignore");
  return {
    to,
    subject: t("resetMail.subject"),
    text: `${intro}\n\n${url}\n\n${expiry}\n\n${ignore}\n`,
    html: [
      `<!doctype html><html lang="${locale}"><body>`,
      `<p>${escapeHtml(intro)}</p>`,
      `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
      `<p>${escapeHtml(expiry)}</p>`,
      `<p>${escapeHtml(ignore)}</p>`,
      `</body></html>`,
    ].join("\n"),
  };
}
