import { describe, expect, it } from "vitest";
import { z } from "zod";
import { wrapCaption } from "@/lib/server/film-render/caption-wrap";
import { captionLines } from "@/lib/shared/film/caption-text";
import { unifyLineBreaks } from "@/lib/shared/line-breaks";
import { userText } from "@/lib/shared/user-text";

// One rule for what breaks a line, applied alike by user text, subtitle lines and burnt-in captions.
const BREAKS = { lf: "\n", crlf: "\r\n", cr: "\r", lineSeparator: "\u2028", paragraphSeparator: "\u2029" };

describe.each(Object.entries(BREAKS))("a line break written as %s", (_name, br) => {
  const text = `Harbour${br}at dawn`;

  it("becomes one \\n", () => {
    expect(unifyLineBreaks(text)).toBe("Harbour\nat dawn");
    expect(unifyLineBreaks(`${br}${br}`)).toBe("\n\n");
  });

  it("splits a caption's subtitle lines and its burnt-in lines alike", () => {
    expect(captionLines(text)).toEqual(["Harbour", "at dawn"]);
    expect(wrapCaption(text, 40)).toEqual(["Harbour", "at dawn"]);
  });

  it("is kept as \\n in multi-line user text and refused in one-line text", () => {
    expect(userText(z.string(), "lines").parse(text)).toBe("Harbour\nat dawn");
    const oneLine = userText(z.string()).safeParse(text);
    expect(oneLine.success).toBe(false);
    expect(oneLine.error?.issues[0]?.message).toBe("errors.field.text_controls");
  });
});

it("leaves text without line breaks as it is", () => {
  expect(unifyLineBreaks("Harbour\tat dawn \u2027 \u000B")).toBe("Harbour\tat dawn \u2027 \u000B");
});
