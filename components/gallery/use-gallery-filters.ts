"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type GalleryFilters, galleryQuerySchema } from "@/lib/shared/gallery-filters";

// The gallery's filters live in the URL (bookmarkable, back/forward friendly): parsed with the
// API's own schema, written back with router.replace so typing in the search box does not stack
// history entries. Invalid values in a hand-edited URL are dropped, not fatal.

const FILTER_KEYS = ["q", "mode", "status", "from", "to", "favourite", "tag", "sort", "creator"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export function useGalleryFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = useMemo(() => {
    const out: Partial<Record<FilterKey, string>> = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) out[k] = v;
    }
    return out;
  }, [params]);

  const filters = useMemo<GalleryFilters>(() => {
    const clean: Partial<Record<FilterKey, string>> = {};
    for (const k of FILTER_KEYS) {
      if (raw[k] !== undefined && galleryQuerySchema.shape[k].safeParse(raw[k]).success) clean[k] = raw[k];
    }
    const parsed = galleryQuerySchema.safeParse(clean);
    return parsed.success ? parsed.data : {};
  }, [raw]);

  /** The API query string for these filters (without cursor/limit). */
  const apiQuery = useMemo(() => {
    const qs = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = raw[k];
      if (v !== undefined && galleryQuerySchema.shape[k].safeParse(v).success) qs.set(k, v);
    }
    return qs.toString();
  }, [raw]);

  const setFilter = useCallback(
    (patch: Partial<Record<FilterKey, string | undefined>>) => {
      const next = new URLSearchParams(params.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === "") next.delete(k);
        else next.set(k, v);
      }
      const qs = next.toString();
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );

  const clear = useCallback(() => router.replace(pathname, { scroll: false }), [pathname, router]);
  const active = Object.keys(raw).some((k) => k !== "sort");
  return { raw, filters, apiQuery, setFilter, clear, active };
}
