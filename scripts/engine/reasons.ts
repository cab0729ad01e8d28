/**
 * Why a build rendered what it rendered, in words for the summary line: the things that change
 * every page at once (no earlier build, Broadsheet's code, the site configuration, the
 * stylesheet, the year in the footer) compared with the last build's.
 */
import type { BuildGlobals, NoState } from "./state.ts";

const ASSET_NAMES: Readonly<Record<string, string>> = {
  css: "stylesheet",
  bodyMedia: "body media stylesheet",
  videoFacade: "video script",
  embeds: "embed script",
  gallery: "gallery script",
  search: "search script",
  fronts: "fronts stylesheet",
  breaking: "breaking-news script",
  logo: "logo",
  logoSize: "logo",
  fontPreload: "web fonts",
  favicon: "favicon",
  appleTouchIcon: "icons",
  manifest: "web app manifest",
};

/** What differs between the last build's globals and this one's. */
export function globalReasons(
  before: BuildGlobals | undefined,
  now: BuildGlobals,
  missing: NoState | undefined,
): string[] {
  if (!before) return [missing ?? "no previous build"];
  const reasons: string[] = [];
  const code = Object.keys(now.code).filter((kind) => before.code[kind] !== now.code[kind]);
  if (code.includes("parse")) reasons.push("article parser or sections changed");
  const templates = code.filter((kind) => kind !== "parse" && kind !== "search");
  if (templates.length > 0) reasons.push(`layouts or code changed (${templates.join(", ")})`);
  if (code.includes("search")) reasons.push("search indexing changed");
  if (before.site !== now.site) reasons.push("site configuration changed");
  const assets = Object.keys(now.assets).filter((name) => before.assets[name] !== now.assets[name]);
  if (assets.length > 0) {
    reasons.push(`${assets.map((name) => ASSET_NAMES[name] ?? name).join(", ")} changed`);
  }
  if (before.year !== now.year) reasons.push(`the year changed to ${now.year}`);
  // Every page's footer links the standing pages marked `footer`.
  if (before.footer !== now.footer) reasons.push("footer links changed");
  return reasons;
}
