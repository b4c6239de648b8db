import "server-only";
import type { Mode } from "@/lib/shared/generation-schemas";
import { env } from "../env";

/** Price of one clip of `mode` in fen: the per-model override, else PRICE_FEN. */
export function priceFen(mode: Mode): number {
  const e = env();
  const override = mode === "text" ? e.PRICE_FEN_TEXT : mode === "image" ? e.PRICE_FEN_IMAGE : e.PRICE_FEN_START_END;
  return override ?? e.PRICE_FEN;
}

/** Prices of every mode (the studio shows the price of the selected tab). */
export function priceTable(): Record<Mode, number> {
  return { text: priceFen("text"), image: priceFen("image"), "start-end": priceFen("start-end") };
}
