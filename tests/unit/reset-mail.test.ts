import { describe, expect, it } from "vitest";
import { resetMail } from "@/lib/server/users/reset-mail";

// The reset mail carries the link and its expiry in the reader's language, as text and as HTML, and
// nothing else about the account.
describe("reset mail", () => {
  const url = "https://studio.example.com/reset/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde";
  const until = new Date("2026-12-05T10:30:00Z");

  it("English and Chinese: subject, link, expiry in UTC", () => {
    const en = resetMail("a@example.com", url, until, "en");
    expect(en.to).toBe("a@example.com");
    expect(en.subject).toBe("Reset your Framehouse password");
    expect(en.text).toContain(`\n${url}\n`);
    expect(en.text).toMatch(/until Dec 5, 2026, 10:30\sAM UTC/);
    const zh = resetMail("a@example.com", url, until, "zh-CN");
    expect(zh.subject).toBe("重置您的 Framehouse 密码");
    expect(zh.text).toContain("2026年12月5日 10:30 UTC");
    expect(zh.html).toContain('<html lang="zh-CN">');
  });

  it("HTML: the link is escaped and is the only link; the address is not in the body", () => {
    const odd = "https://studio.example.com/reset/x\"><script>";
    const m = resetMail("who@example.com", odd, until, "en");
    expect(m.html).not.toContain("<script>");
    expect(m.html.match(/<a /g)).toHaveLength(1);
    expect(m.text + m.html).not.toContain("who@example.com");
  });
});
