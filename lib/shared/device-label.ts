// A coarse name for the device behind a session ("Chrome on Linux"), from its User-Agent: the browser
// family and the operating system, nothing finer (versions and models change too often to be worth
// showing, and a list of sessions only needs to tell a person's devices apart). Derived when shown
// rather than stored, so a better rule applies to existing rows too. Order matters: Edge and Opera
// also say "Chrome", Chrome also says "Safari", Android also says "Linux", iOS also says "Mac OS X".

const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(Chrome|Chromium|CriOS)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/\b(iPhone|iPad|iPod)\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

export interface DeviceLabel {
  /** "Chrome", "Firefox", … or null when not recognised. */
  browser: string | null;
  /** "Linux", "Windows", … or null when not recognised. */
  os: string | null;
}

function firstMatch(ua: string, rules: readonly (readonly [RegExp, string])[]): string | null {
  for (const [re, name] of rules) if (re.test(ua)) return name;
  return null;
}

export function deviceLabelOf(userAgent: string | null | undefined): DeviceLabel {
  if (!userAgent) return { browser: null, os: null };
  return { browser: firstMatch(userAgent, BROWSERS), os: firstMatch(userAgent, SYSTEMS) };
}
