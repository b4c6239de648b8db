// A real SMTP server on 127.0.0.1 for tests (smtp-server): it requires the login it was started with
// (the app sends credentials from SMTP_URL) and keeps every message it accepts, with its envelope
// and its decoded text/plain and text/html parts.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

interface SunkMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  text: string;
  html: string;
}

export interface SmtpSink {
  /** smtp://user:pass@127.0.0.1:<port> */
  url: string;
  port: number;
  mails: SunkMail[];
  close(): Promise<void>;
}

const SINK_USER = "framehouse";
const SINK_PASSWORD = "sink-password-0123";

/** The SMTP_URL of a sink on `port` (scripts/e2e-server.mjs writes the same login for the e2e app). */
function smtpSinkUrl(port: number): string {
  return `smtp://${SINK_USER}:${SINK_PASSWORD}@127.0.0.1:${port}`;
}

/** Listens on `port` (0 = any free one). */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const mails: SunkMail[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback: no TLS to negotiate, so login over the plain connection is allowed.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SINK_USER && auth.password === SINK_PASSWORD) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const envelope = session.envelope;
        mails.push({ from: envelope.mailFrom ? envelope.mailFrom.address : "", to: envelope.rcptTo.map((r) => r.address), raw, ...readMessage(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const bound = (server.server.address() as AddressInfo).port;
  return {
    url: smtpSinkUrl(bound),
    port: bound,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The subject and the decoded text and HTML parts of a MIME message (what nodemailer writes). */
function readMessage(raw: string): { subject: string; text: string; html: string } {
  const [head = ""] = raw.split(/\r?\n\r?\n/, 1);
  const subjectLine = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1] ?? "";
  return { subject: decodeWords(subjectLine.replace(/\r?\n[ \t]/g, "")), text: part(raw, "text/plain"), html: part(raw, "text/html") };
}

function part(raw: string, type: string): string {
  const m = new RegExp(`Content-Type: ${type}[^]*?\\r?\\n\\r?\\n`, "i").exec(raw);
  if (!m) return "";
  const headers = m[0];
  const rest = raw.slice(m.index + m[0].length);
  const body = rest.split(/\r?\n--/)[0] ?? "";
  const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(s: string): string {
  const joined = s.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const c = joined[i]!;
    if (c === "=" && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) in a header. */
function decodeWords(s: string): string {
  return s.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}
