/** A live blog's key events (layouts/components/KeyEvents.tsx): each says its day when they span several. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { load } from "cheerio";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { KeyEvents } from "../../layouts/components/KeyEvents.tsx";
import { SITE } from "../helpers/stories.ts";

function times(events: { name: string; time: string }[]): string[] {
  const html = renderToString(
    h(KeyEvents, {
      events: events.map((event) => ({
        ...event,
        text: event.name,
        href: `#update-${event.name}`,
      })),
      site: SITE,
    }),
  );
  const $ = load(html);
  return $("time")
    .toArray()
    .map((element) => $(element).text());
}

describe("key events", () => {
  it("show the clock alone when they all fall on one day", () => {
    const shown = times([
      { name: "b", time: "2026-12-07T10:20:00+08:00" },
      { name: "a", time: "2026-12-07T09:12:00+08:00" },
    ]);
    assert.ok(
      shown.every((text) => !/December/.test(text)),
      shown.join(" | "),
    );
  });

  it("say each one's day when they span several, in the site's zone", () => {
    const shown = times([
      { name: "b", time: "2026-12-07T10:20:00+08:00" },
      // 23:00 in Singapore on the 6th, though written in UTC on the 6th too.
      { name: "a", time: "2026-12-06T15:00:00Z" },
    ]);
    assert.match(shown[0] ?? "", /7 December 2026$/);
    assert.match(shown[1] ?? "", /6 December 2026$/);
  });
});
