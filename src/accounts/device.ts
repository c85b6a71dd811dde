/**
 * "Chrome on Android" from a user agent: enough for a parent to recognise a device in the
 * session list. Order matters: Edge and Opera say "Chrome", Chrome says "Safari".
 */
import type { Catalog } from "../i18n/catalog";

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\b(Chrome|CriOS|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "Chromebook"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "Mac"],
  [/\bLinux\b/, "Linux"],
];

/** In the page's language (`t`); browser and system names are names. */
export function describeDevice(userAgent: string | null, t: Catalog): string {
  const words = t.account.sessions;
  if (!userAgent) return words.unknownDevice;
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser && system) return words.browserOn(browser, system);
  return browser ?? system ?? words.unknownDevice;
}
