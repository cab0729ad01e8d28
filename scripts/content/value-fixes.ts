/**
 * Fixes made from what the editor wrote, rather than from a sample: a date without an offset
 * gets the site zone's offset on that very day (summer time included), a section written as its
 * name or in capitals gets its slug, a time zone with a typo gets the zone it is close to.
 * Undefined when the value gives nothing to build on: the field's general fix is used then.
 */
import { DateTime } from "luxon";
import type { Section } from "./model.ts";
import { closestName } from "./suggest.ts";

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/;

/**
 * For a date and time written without an offset: the same wall-clock time in `zone`, with that
 * zone's offset on that day. `key` is the field's name as written (`date`, `updated`).
 *
 * @example dateFix("date", "2019-06-23T11:05:00", "Asia/Singapore")
 * // 'Write it with the UTC offset Asia/Singapore has on that day: date: 2019-06-23T11:05:00+08:00 ...'
 */
export function dateFix(key: string, value: unknown, zone: string): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, day, time] = match;
  const local = DateTime.fromISO(`${day}T${time ?? "00:00:00"}`, { zone });
  if (!local.isValid) return undefined;
  const written = local.toISO({ suppressMilliseconds: true, includeOffset: true });
  if (!written) return undefined;
  if (!time) {
    return `Add the time and the UTC offset ${zone} has on that day, e.g. ${key}: ${written} for midnight.`;
  }
  return `Write it with the UTC offset ${zone} has on that day: ${key}: ${written} (if the time was meant in another zone, write that zone's offset instead).`;
}

/** For a section that is no slug of the site: the slug it most likely means. */
export function sectionFix(value: unknown, sections: readonly Section[]): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const wanted = value.trim().toLowerCase();
  const exact = sections.find(
    (section) => section.slug === wanted || section.name.toLowerCase() === wanted,
  );
  const close =
    exact ??
    sections.find(
      (section) =>
        section.slug ===
        closestName(
          wanted,
          sections.map((candidate) => candidate.slug),
        ),
    );
  if (!close) return undefined;
  return `Did you mean section: ${close.slug}? Sections are written as their slug, in lowercase (${sections.map((section) => section.slug).join(", ")}).`;
}

/** For a time zone that is no IANA name: the one it most likely means. */
export function timeZoneFix(value: unknown): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const zones = Intl.supportedValuesOf("timeZone");
  const close = closestName(value.trim().replace(/ /g, "_"), zones);
  return close
    ? `Did you mean timeZone: ${close}? Write the IANA name of the newsroom's zone, e.g. Asia/Singapore.`
    : undefined;
}

/** The value-based fix for an article's field, when there is one. */
export function articleValueFix(
  field: string,
  value: unknown,
  site: { readonly timeZone: string; readonly sections: readonly Section[] },
): string | undefined {
  const general = field.replace(/\.\d+(?=\.|$)/g, "");
  if (general === "date" || general === "updated") return dateFix(general, value, site.timeZone);
  if (general === "corrections.date") {
    const fix = dateFix("date", value, site.timeZone);
    return fix && `${fix} A correction is not before the article's date.`;
  }
  if (general === "section") return sectionFix(value, site.sections);
  return undefined;
}
