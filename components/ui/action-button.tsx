"use client";
import type { ComponentProps } from "react";
import { useHydrated } from "@/lib/client/use-hydrated";

/**
 * The one `<button>` of the UI: every button acts through the page's script, so it stays disabled until
 * React has hydrated the page. Pressed earlier (a slow connection, a busy machine), a button would do
 * nothing, or a submit button would make the browser submit its form natively: a GET to the page's own
 * address with every field in the query string (a password in the address bar, the history and the
 * server's logs). Rendered after hydration (a menu, a dialog), it is enabled from its first render.
 */
export function ActionButton({ disabled, ...props }: ComponentProps<"button">) {
  const hydrated = useHydrated();
  return <button disabled={disabled || !hydrated} {...props} />;
}
