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
  const impossible = impossiblePart(
    Number(year),
    Number(month),
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    offset,
  );
  if (impossible) {
    return { ok: false, message: `"${trimmed}" is not a real date and time: ${impossible}.` };
  }
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

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * What makes a date and time that has the right shape impossible, in an editor's words (the
 * date library's own explanation names its internals), or undefined when it is real. UTC
 * offsets in use run from -12:00 to +14:00.
 */
function impossiblePart(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offset: string,
): string | undefined {
  if (month < 1 || month > 12) return `there is no month ${month} (months run from 01 to 12)`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) {
    return `${MONTHS[month - 1]} ${year} has no day ${day} (it has ${days} days)`;
  }
  if (hour > 23) return `there is no hour ${hour} (hours run from 00 to 23)`;
  if (minute > 59) return `there is no minute ${minute} (minutes run from 00 to 59)`;
  if (second > 59) return `there is no second ${second} (seconds run from 00 to 59)`;
  if (offset !== "Z") {
    const digits = offset.slice(1).replace(":", "");
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0");
    const sign = offset[0] === "-" ? -1 : 1;
    if (
      Number(digits.slice(2, 4) || "0") > 59 ||
      minutes * sign > 14 * 60 ||
      minutes * sign < -12 * 60
    ) {
      return `no place is ${offset} from UTC (offsets run from -12:00 to +14:00)`;
    }
  }
  return undefined;
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
