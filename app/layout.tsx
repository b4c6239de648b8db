import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { TimeZoneProvider } from "@/components/i18n/time-zone";
import { LiveRegionProvider } from "@/components/ui/live-region";
import { messagesFor, translate } from "@/lib/i18n/translate";
import { publicOriginOfPage } from "@/lib/server/http/public-origin";
import { getLocale, getTimeZone } from "@/lib/server/locale";
import "./globals.css";

// Defaults every page inherits: the icon (public/icon.svg, public/favicon.ico for older browsers) and
// a link-preview card (public/og-default.png) so a studio link pasted into a chat shows the product,
// not a bare URL. Preview images must be absolute, hence metadataBase from the request's own origin.
export async function generateMetadata(): Promise<Metadata> {
  const locale = await getLocale();
  const title = translate(locale, "app.name");
  const description = translate(locale, "app.tagline");
  const image = { url: "/og-default.png", width: 1200, height: 630, alt: title };
  return {
    metadataBase: new URL(publicOriginOfPage(await headers())),
    title,
    description,
    icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }, { url: "/favicon.ico", sizes: "48x48" }] },
    openGraph: { type: "website", siteName: title, title, description, images: [image], locale: locale === "zh-CN" ? "zh_CN" : "en_US" },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return (
    <html lang={locale}>
      <body className="min-h-dvh">
        <I18nProvider locale={locale} messages={messagesFor(locale)}>
          <TimeZoneProvider timeZone={timeZone}>
            {/* Toasts and live regions outlive a page: an action that navigates still shows its outcome. */}
            <LiveRegionProvider>{children}</LiveRegionProvider>
          </TimeZoneProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
