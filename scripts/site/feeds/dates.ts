import type { DateTime } from "luxon";
import { isoWithOffset } from "../dates.ts";

/** RFC 3339 with the site zone's offset, for Atom, JSON Feed, Dublin Core and sitemaps. */
export const rfc3339 = isoWithOffset;

/**
 * RFC 822 as RSS 2.0 wants it, with a four-digit year and a numeric offset, in English
 * whatever the site's language: `Sun, 23 Jun 2019 11:05:00 +0800`.
 */
export function rfc822(moment: DateTime): string {
  return moment.toRFC2822() ?? "";
}
