/**
 * `date` and `updated`: ISO 8601 with a UTC offset or `Z`, quoted or not; anything ambiguous,
 * impossible or wordy is an error (CONTENT.md, the `date` row). `date` is on line 3.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { expectIssue, expectValid, loadFields } from "./support.ts";

describe("date: refused forms", () => {
  // A value without an offset gets itself back with the site zone's offset (Asia/Singapore);
  // one the build cannot read gets the form to write.
  const refused: readonly { value: string; words: readonly string[]; fix: string }[] = [
    {
      value: "2024-03-01T09:30:00",
      words: ["no UTC offset"],
      fix: "date: 2024-03-01T09:30:00+08:00",
    },
    {
      value: "2024-03-01 23:30:00",
      words: ["no UTC offset"],
      fix: "date: 2024-03-01T23:30:00+08:00",
    },
    {
      value: '"2024-03-01T09:30:00"',
      words: ["no UTC offset"],
      fix: "date: 2024-03-01T09:30:00+08:00",
    },
    { value: "2024-03-01", words: ["2024-03-01"], fix: "date: 2024-03-01T00:00:00+08:00" },
    {
      value: "2019-02-30T10:00:00+08:00",
      words: ["not a real date", "February 2019 has no day 30 (it has 28 days)"],
      fix: "date: 2019-06-23T11:05:00+08:00",
    },
    {
      value: "2024-13-45T10:00:00+08:00",
      words: ["not a real date", "no month 13"],
      fix: "date: 2019-06-23T11:05:00+08:00",
    },
    {
      value: "2024-03-01T25:00:00+08:00",
      words: ["not a real date", "no hour 25"],
      fix: "date: 2019-06-23T11:05:00+08:00",
    },
    {
      value: "2024-03-01T10:00:00+25:00",
      words: ["not a real date", "no place is +25:00 from UTC"],
      fix: "date: 2019-06-23T11:05:00+08:00",
    },
    {
      value: "2024-03-01T10:00:00-13:00",
      words: ["not a real date", "-13:00"],
      fix: "date: 2019-06-23T11:05:00+08:00",
    },
    {
      value: "yesterday",
      words: ['"yesterday"', "not an ISO 8601 date"],
      fix: "date: 2019-06-23T11:05:00+08:00",
    },
    {
      value: "1 March 2024",
      words: ["not an ISO 8601 date"],
      fix: "date: 2019-06-23T11:05:00+08:00",
    },
  ];
  for (const { value, words, fix } of refused) {
    it(`rejects date: ${value}`, () => {
      const { result, file } = loadFields({ date: value });
      expectIssue(result, {
        file,
        field: "date",
        line: 3,
        message: words,
        fix: ["UTC offset", fix],
      });
    });
  }

  it("rejects a date written as a number", () => {
    const { result, file } = loadFields({ date: "20240301" });
    expectIssue(result, {
      file,
      field: "date",
      line: 3,
      message: ["date and time", "number 20240301"],
      fix: ["UTC offset"],
    });
  });

  it("says a date-only value needs a time, not just an offset", () => {
    const { result, file } = loadFields({ date: "2024-03-01" });
    expectIssue(result, { file, field: "date", line: 3, message: ["time"], fix: ["UTC offset"] });
  });
});

describe("date: accepted forms keep the instant written", () => {
  const accepted: readonly { value: string; utc: string; offset: number }[] = [
    { value: "2024-03-01T09:30:00+08:00", utc: "2024-03-01T01:30:00.000Z", offset: 480 },
    { value: '"2024-03-01T09:30:00+08:00"', utc: "2024-03-01T01:30:00.000Z", offset: 480 },
    { value: "2024-03-01T09:30:00Z", utc: "2024-03-01T09:30:00.000Z", offset: 0 },
    { value: "'2024-03-01T09:30:00Z'", utc: "2024-03-01T09:30:00.000Z", offset: 0 },
    { value: "2024-03-01T09:30:00+0800", utc: "2024-03-01T01:30:00.000Z", offset: 480 },
    { value: "2024-03-01 09:30:00 +08:00", utc: "2024-03-01T01:30:00.000Z", offset: 480 },
    { value: "2024-03-01T09:30:00-05:00", utc: "2024-03-01T14:30:00.000Z", offset: -300 },
    { value: "2024-02-29T23:59:59.5+05:30", utc: "2024-02-29T18:29:59.500Z", offset: 330 },
    // The ends of the offsets in use: Kiribati's Line Islands and Baker Island.
    { value: "2024-03-01T09:30:00+14:00", utc: "2024-02-29T19:30:00.000Z", offset: 840 },
    { value: "2024-03-01T09:30:00-12:00", utc: "2024-03-01T21:30:00.000Z", offset: -720 },
  ];
  for (const { value, utc, offset } of accepted) {
    it(`accepts date: ${value}`, () => {
      const { result } = loadFields({ date: value });
      const date = expectValid(result).articles[0]?.date;
      assert.equal(date?.toUTC().toISO(), utc);
      assert.equal(date?.offset, offset, "the offset as written is kept");
    });
  }
});

describe("updated", () => {
  it("rejects updated before date, at updated's line", () => {
    const { result, file } = loadFields({
      date: "2024-03-01T09:30:00+08:00",
      updated: "2024-03-01T09:29:00+08:00",
    });
    expectIssue(result, {
      file,
      field: "updated",
      line: 5,
      message: ["before", "publication"],
      fix: ["not earlier than date"],
    });
  });

  it("compares instants, not wall-clock text: 09:00+00:00 is after 10:00+08:00", () => {
    const { result } = loadFields({
      date: "2024-03-01T10:00:00+08:00",
      updated: "2024-03-01T09:00:00+00:00",
    });
    assert.equal(
      expectValid(result).articles[0]?.updated?.toUTC().toISO(),
      "2024-03-01T09:00:00.000Z",
    );
  });

  it("rejects 2024-03-01T02:00:00Z as before 2024-03-01T09:30:00+08:00", () => {
    const { result, file } = loadFields({
      date: "2024-03-01T09:30:00+08:00",
      updated: "2024-03-01T01:00:00Z",
    });
    expectIssue(result, { file, field: "updated", line: 5, message: ["before"] });
  });

  it("accepts updated equal to date", () => {
    const { result } = loadFields({ updated: "2024-03-01T09:30:00+08:00" });
    const article = expectValid(result).articles[0];
    assert.equal(article?.updated?.toMillis(), article?.date.toMillis());
  });

  it("applies the date rules to updated", () => {
    const { result, file } = loadFields({ updated: "2024-03-02T09:30:00" });
    expectIssue(result, {
      file,
      field: "updated",
      line: 5,
      message: ["no UTC offset"],
      fix: ["UTC offset"],
    });
  });
});
