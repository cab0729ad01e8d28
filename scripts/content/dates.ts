import { DateTime, Duration } from "luxon";

/**
 * ISO 8601 date and time with a mandatory UTC offset or `Z`. YAML's own timestamp type is not
 * used: js-yaml silently rolls 2019-02-30 over to 2 March, and a missing offset becomes UTC.
 * A space may stand for the `T`, as YAML allows.
 */
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?[ ]?(Z|[+-]\d{2}(?::?\d{2})?)$/;

export type ParsedDate =
  | { readonly ok: true; readonly value: DateTime }
  | { readonly ok: false; readonly message: string };

/** Parses an article date, keeping the instant exactly as written. */
export function parseOffsetDate(text: string): ParsedDate {
  const trimmed = text.trim();
  const match = ISO_WITH_OFFSET.exec(trimmed);
  if (!match) {
    // "Add the offset" alone would be wrong advice for a bare date: it needs a time as well.
    if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
      return {
        ok: false,
        message: `"${trimmed}" is a date without a time and UTC offset, so the moment it names is ambiguous.`,
      };
    }
    if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(trimmed)) {
      return {
        ok: false,
        message: `"${trimmed}" has no UTC offset, so the moment it names is ambiguous.`,
      };
    }
    return { ok: false, message: `"${trimmed}" is not an ISO 8601 date and time.` };
  }
  const [, year, month, day, hour, minute, second = "00", fraction, offset = "Z"] = match;
  const normalised = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction ? `.${fraction.slice(0, 3).padEnd(3, "0")}` : ""}${normaliseOffset(offset)}`;
  const value = DateTime.fromISO(normalised, { setZone: true });
  if (!value.isValid) {
    return {
      ok: false,
      message: `"${trimmed}" is not a real date and time (${value.invalidExplanation ?? "out of range"}).`,
    };
  }
  return { ok: true, value };
}

function normaliseOffset(offset: string): string {
  if (offset === "Z") return "Z";
  const digits = offset.slice(1).replace(":", "");
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || "00"}`;
}

/** Validates an ISO 8601 duration such as PT1M12S; returns it normalised, or undefined. */
export function parseDuration(text: string): Duration | undefined {
  const duration = Duration.fromISO(text.trim());
  return duration.isValid && duration.toMillis() > 0 ? duration : undefined;
}
