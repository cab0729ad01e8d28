/**
 * The first-screen estimate (scripts/site/first-screen.ts): lines wrap as a browser wraps them,
 * and the lead media gives way to the first paragraph when the opening is too long for a phone's
 * first screen. The browser tests hold the estimate to the real pages.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  firstParagraphTop,
  linesOf,
  mediaLeadsOnPhone,
  type Opening,
  storyMetaHeight,
} from "../../scripts/site/first-screen.ts";

const PLAIN: Opening = {
  title: "Envoys meet at Panmunjom as nuclear talks resume",
  kindLine: false,
  correctionNotice: false,
  metaHeight: 42,
};
const LANDSCAPE = {
  kind: "photo",
  shape: 2 / 3,
  caption: "The talks resumed. PHOTO: AFP",
} as const;
const ONE_EM = { lower: 1, upper: 1, digit: 1, space: 1, other: 1 };

describe("the first screen on a phone", () => {
  test("words wrap to the next line when the next one does not fit, and a long word breaks", () => {
    assert.equal(linesOf("", ONE_EM, 10, 100), 0);
    assert.equal(linesOf("aaaa bbbb", ONE_EM, 10, 90), 1);
    assert.equal(linesOf("aaaa bbbb", ONE_EM, 10, 80), 2);
    assert.equal(linesOf("a".repeat(25), ONE_EM, 10, 100), 3);
  });

  test("a photo leads under a headline of ordinary length", () => {
    assert.ok(mediaLeadsOnPhone(PLAIN, LANDSCAPE));
    assert.ok(mediaLeadsOnPhone(PLAIN, { kind: "video" }));
  });

  test("under a headline of 200 characters and a long standfirst, the first paragraph comes first", () => {
    const long: Opening = {
      ...PLAIN,
      title: `${"Negotiators from both Koreas and the United States say ".repeat(4)}`.slice(0, 200),
      standfirst:
        "More than 12,000 people left their homes overnight as the river burst its banks; more rain is expected until Thursday.",
    };
    assert.equal(mediaLeadsOnPhone(long, LANDSCAPE), false);
    assert.equal(mediaLeadsOnPhone(long, { kind: "video" }), false);
    assert.ok(firstParagraphTop(long, LANDSCAPE) > 812);
  });

  test("each line above the media moves the first paragraph down by its height", () => {
    const base = firstParagraphTop(PLAIN, LANDSCAPE);
    assert.ok(firstParagraphTop({ ...PLAIN, kindLine: true }, LANDSCAPE) > base);
    assert.ok(firstParagraphTop({ ...PLAIN, metaHeight: 92 }, LANDSCAPE) === base + 50);
    assert.ok(firstParagraphTop({ ...PLAIN, standfirst: "A line." }, LANDSCAPE) > base);
    assert.ok(firstParagraphTop(PLAIN, { ...LANDSCAPE, shape: 3 / 4 }) > base);
  });

  test("a byline is as tall as the page draws it: the newsroom's beside the time, a reporter's photo 48 px, names as they wrap", () => {
    const staff = { credit: { kind: "staff" }, updated: undefined } as const;
    assert.equal(storyMetaHeight(staff, undefined), 42);
    const photo = { name: "Tan Hui Yee", role: "Correspondent", photo: {} as never };
    assert.equal(
      storyMetaHeight({ credit: { kind: "authors", names: ["tan-hui-yee"] } }, [photo]),
      92,
    );
    const two = [
      { name: "Jane Tan", role: "Senior correspondent" },
      { name: "Arif Rahman", role: "Markets reporter" },
    ];
    assert.equal(storyMetaHeight({ credit: { kind: "authors", names: ["a", "b"] } }, two), 86);
  });

  test("a correction notice takes its room above the media", () => {
    const base = firstParagraphTop(PLAIN, LANDSCAPE);
    assert.equal(firstParagraphTop({ ...PLAIN, correctionNotice: true }, LANDSCAPE), base + 128);
  });
});
