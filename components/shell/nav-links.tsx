"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { MessageKey } from "@/lib/i18n/translate";

const LINKS: { href: string; key: MessageKey; admin?: boolean }[] = [
  { href: "/", key: "nav.studio" },
  { href: "/gallery", key: "nav.gallery" },
  { href: "/films", key: "nav.films" },
  { href: "/teams", key: "nav.team" },
  { href: "/admin", key: "nav.admin", admin: true },
];

export function NavLinks({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useI18n();
  const pathname = usePathname();
  return (
    <nav aria-label={t("nav.main")} className="order-last w-full overflow-x-auto sm:order-none sm:w-auto">
      <ul className="flex gap-1">
        {LINKS.filter((l) => !l.admin || isAdmin).map((l) => {
          const current = l.href === "/" ? pathname === "/" : pathname.startsWith(l.href);
          return (
            <li key={l.href}>
              <Link
                href={l.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-3 py-1.5 text-sm font-medium ${
                  current
                    ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                    : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                }`}
              >
                {t(l.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
