/**
 * `npm run import`, run as an editor runs it: a subprocess in a fixture project.
 *
 * The seed round trip compares two ways:
 * - what the wire text carries (title, date, section, dateline, sources, image.caption,
 *   image.credit, video.provider, video.id, video.description, video.thumbnail) must equal the
 *   shipped article's parsed values, and the body must be byte-identical. The shipped article's
 *   hand-written fields (tags, image.alt, image.focus, video.title) are not in the wire text, so
 *   the importer must not invent them: without their flags they are absent, and alt is the
 *   required --alt.
 * - given those hand-written fields as flags (--tags, --alt, --focus, --video-title), the whole
 *   index.md must be byte-identical to the shipped one, and the media copied unchanged.
 */
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { load } from "cheerio";
import { parse } from "yaml";
import { runBuild } from "../helpers/build.ts";
import { createFixtureSite, type FixtureSite, SEED_SLUG } from "../helpers/fixture-site.ts";
import { normaliseQuotes, SEED_FILE } from "../helpers/seed-text.ts";
import {
  articleEntries,
  type CliRun,
  FIXTURES,
  readArticle,
  runCli,
  SEED_FOLDER,
  SEED_PHOTO,
  SEED_THUMBNAIL,
  splitArticle,
  writtenSlug,
} from "./support.ts";

const SEED_DATE = ["--section", "asia", "--date", "2019-06-23T11:05:00+08:00"];
const SEED_MEDIA = [
  "--photo",
  SEED_PHOTO,
  "--video-id",
  "1234567890001",
  "--video-thumbnail",
  SEED_THUMBNAIL,
];
const SEED_HAND_WRITTEN = [
  "--alt",
  "Stand-in photograph of a desk by a window, with an open letter lying in the lamplight.",
  "--focus",
  "0.42,0.65",
  "--video-title",
  "Pompeo hopes Trump letter paves way for new talks with North Korea",
  "--tags",
  "North Korea, Kim Jong Un, Donald Trump, Nuclear talks",
];

function assertOk(run: CliRun): void {
  assert.equal(run.status, 0, `exit ${run.status}\n${run.stdout}\n${run.stderr}`);
}

describe("npm run import: the seed round trip", () => {
  let site: FixtureSite;
  before(() => {
    site = createFixtureSite();
  });
  after(() => site.remove());

  it("reproduces the shipped seed article byte for byte, given its hand-written fields as flags", () => {
    // --publish: the shipped seed is published, so it has no draft line.
    const run = runCli("import", site.root, [
      SEED_FILE,
      ...SEED_DATE,
      ...SEED_MEDIA,
      ...SEED_HAND_WRITTEN,
      "--publish",
    ]);
    assertOk(run);
    assert.equal(writtenSlug(run), SEED_SLUG);
    assert.equal(
      readArticle(site.root, SEED_SLUG),
      readFileSync(path.join(SEED_FOLDER, "index.md"), "utf8"),
    );
    for (const media of ["photo.jpg", "video-thumbnail.jpg"]) {
      assert.deepEqual(
        readFileSync(path.join(site.root, "content/articles", SEED_SLUG, media)),
        readFileSync(path.join(SEED_FOLDER, media)),
      );
    }
    assert.match(run.stdout, /Left out line 47, the site's promotion/);
    assert.match(run.stdout, /http:\/\/localhost:8080\/asia\/north-koreas-kim-jong-un/);
  });

  it("carries every field the wire text holds, and invents none of the hand-written ones", () => {
    const run = runCli("import", site.root, [
      SEED_FILE,
      ...SEED_DATE,
      ...SEED_MEDIA,
      "--alt",
      "A letter on a desk.",
      "--slug",
      "seed-from-the-wire",
    ]);
    assertOk(run);
    const shipped = splitArticle(readFileSync(path.join(SEED_FOLDER, "index.md"), "utf8"));
    const imported = splitArticle(readArticle(site.root, "seed-from-the-wire"));
    const want = parse(shipped.frontMatter, { schema: "core" });
    const got = parse(imported.frontMatter, { schema: "core" });
    for (const field of ["title", "date", "section", "dateline", "sources"]) {
      assert.deepEqual(got[field], want[field], field);
    }
    for (const field of ["src", "caption", "credit"]) {
      assert.equal(got.image[field], want.image[field], `image.${field}`);
    }
    for (const field of ["provider", "id", "description", "thumbnail"]) {
      assert.equal(got.video[field], want.video[field], `video.${field}`);
    }
    assert.equal(imported.body, shipped.body, "the body, byte for byte");
    assert.equal(got.tags, undefined);
    assert.equal(got.image.focus, undefined);
    assert.equal(got.video.title, undefined);
    assert.equal(got.image.alt, "A letter on a desk.");
    assert.equal(got.draft, true, "an import is a draft unless --publish is given");
  });
});

interface Expected {
  readonly file: string;
  readonly args: readonly string[];
  readonly headline: string;
  /** The dateline lead the page shows, or undefined for none. */
  readonly lead?: string;
  readonly paragraphs: readonly string[];
  readonly caption?: string;
  readonly credit?: string;
  readonly videoDescription?: string;
  /** Something stderr must say. */
  readonly warns?: RegExp;
}

const PHOTO = (alt: string) => ["--photo", SEED_PHOTO, "--alt", alt];
const VIDEO = ["--video-id", "6000000000001", "--video-thumbnail", SEED_THUMBNAIL];

/** Windows copy: a byte-order mark, CRLF line endings, runs of blank lines. */
const WINDOWS_COPY = `\uFEFF${[
  "",
  "Windows copy keeps every paragraph",
  "",
  "",
  "KUALA LUMPUR (BERNAMA) - The first paragraph arrived with Windows line endings.",
  "",
  "",
  "",
  "The second paragraph followed three blank lines.",
  "The third followed none.",
  "",
].join("\r\n")}`;

const STORIES: readonly Expected[] = [
  {
    file: "europe-talks.txt",
    args: [
      "--section",
      "world",
      "--date",
      "2024-03-04T18:00:00+01:00",
      ...PHOTO("Ministers"),
      ...VIDEO,
    ],
    headline: "Europe's leaders meet in three capitals as energy talks stall",
    lead: "LONDON/PARIS/BERLIN (BLOOMBERG, THE NEW YORK TIMES) -",
    paragraphs: [
      "European leaders met in three capitals on Monday as talks on a cap for gas prices stalled for a third week.",
      '"We are not there yet," one diplomat said, asking not to be named because the talks were private.',
      "Germany's chancellor said the cap must not endanger supply, while France's president called for \"solidarity, not slogans\".",
      "The talks resume on Thursday.",
    ],
    caption: "Ministers arrive for the emergency meeting in Brussels.",
    credit: "PHOTO: REUTERS, AFP",
    videoDescription:
      "European ministers said on Monday they would keep talking until a deal on gas prices was reached.",
  },
  {
    file: "reuters-no-video.txt",
    args: ["--section", "business", "--date", "2024-04-12T08:00:00+08:00"],
    headline: "Singapore's central bank holds policy steady as inflation cools",
    lead: "SINGAPORE (REUTERS) -",
    paragraphs: [
      "The Monetary Authority of Singapore left its policy settings unchanged on Friday, as expected, after core inflation cooled for a fourth straight month.",
      "All 12 economists polled had expected no change.",
      "The central bank said it would remain vigilant to risks to the outlook.",
    ],
    // No --photo: the caption cannot be used, and the warning must quote it.
    warns:
      /no --photo was given[\s\S]*"Traders watch screens at a bank in Singapore\. PHOTO: REUTERS"/,
  },
  {
    // Captions beyond the lead photo's are reported with the body photo to write, never lost and
    // never published as paragraphs; a sentence saying "the photo:" stays; a URL stays text.
    file: "extra-captions.txt",
    args: ["--section", "asia", "--date", "2024-03-04T18:00:00+07:00", ...PHOTO("Rescue workers")],
    headline: "Floods force thousands from their homes in Jakarta",
    lead: "JAKARTA (REUTERS, AFP) -",
    paragraphs: [
      "Floods forced thousands of people from their homes in Jakarta on Monday.",
      "The water is expected to recede by Thursday, officials said.",
      "One resident showed reporters the photo: it was taken at dawn.",
      "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    ],
    caption: "Rescue workers carry a resident through waist-deep water in East Jakarta.",
    credit: "PHOTO: REUTERS",
    warns:
      /Line 4 is another photo caption[\s\S]*!\[Describe the photo\]\(photo-2\.jpg "Sandbags line the banks of the Ciliwung river\. PHOTO: AFP"\)[\s\S]*"Sandbags line the banks of the Ciliwung river\. PHOTO: AFP"[\s\S]*Line 8 is another photo caption[\s\S]*photo-3\.jpg "A flooded street in Kampung Melayu on Monday\. ST PHOTO: KELVIN CHNG"/,
  },
  {
    file: "no-caption.txt",
    args: ["--section", "asia", "--date", "2024-03-26T10:00:00+09:00", ...PHOTO("Cherry blossoms")],
    headline: "Tokyo's cherry blossoms bloom early for third year running",
    lead: "TOKYO (KYODO) -",
    paragraphs: [
      "Cherry trees in central Tokyo reached full bloom on Tuesday, the Japan Meteorological Agency said, the third year in a row they have bloomed earlier than average.",
      "Forecasters said a warm March had brought the blossoms forward by nine days.",
      "Hanami parties are expected to draw large crowds this weekend.",
    ],
  },
  {
    file: "zurich.txt",
    args: ["--section", "world", "--date", "2024-05-01T09:00:00+02:00"],
    headline: "Zürich café owners fear 'Brexit' fallout",
    lead: "ZÜRICH (DPA) -",
    paragraphs: [
      'Café owners in Zürich\'s old town say the loss of British tourists after "Brexit" has cost them up to a fifth of their trade.',
      '"Summer used to be full of British voices," said one owner, Jürg Müller.',
    ],
  },
  {
    file: "cjk.txt",
    args: ["--section", "asia", "--date", "2024-05-06T10:00:00+08:00"],
    headline: "中美恢复贸易谈判",
    lead: "BEIJING (XINHUA) -",
    paragraphs: ["中国和美国周一在北京恢复贸易谈判。", '双方表示，谈判是"建设性的"。'],
    warns:
      /could not be spelled in ASCII letters, so the article's slug .* is "article-[0-9a-f]{8}"/,
  },
  {
    file: "windows.txt",
    args: ["--section", "asia", "--date", "2024-06-01T12:00:00+08:00"],
    headline: "Windows copy keeps every paragraph",
    lead: "KUALA LUMPUR (BERNAMA) -",
    paragraphs: [
      "The first paragraph arrived with Windows line endings.",
      "The second paragraph followed three blank lines.",
      "The third followed none.",
    ],
  },
  {
    file: "no-dateline.txt",
    args: ["--section", "singapore", "--date", "2024-06-02T15:00:00+08:00"],
    headline: "Heatwave grips the region as temperatures break records",
    paragraphs: [
      "Temperatures reached 41 degrees on Sunday, the highest since records began, the weather service said.",
      "Schools closed early and hospitals reported a rise in cases of heatstroke.",
      "The weather service said relief was not expected before Thursday.",
    ],
    warns: /No dateline like "LONDON \(REUTERS\) - " was found/,
  },
  {
    file: "hostile.txt",
    args: [
      "--section",
      "world",
      "--date",
      "2024-06-03T09:00:00+08:00",
      ...PHOTO('A crowd: "day 3" #protest'),
      "--tags",
      "@home, #MeToo, *Exclusive*, - dash",
    ],
    headline: 'Minister: "We will not back down" #1 [update] & more',
    lead: "CAPITAL CITY (AP) -",
    paragraphs: readFileSync(path.join(FIXTURES, "hostile.txt"), "utf8")
      .split("\n")
      .slice(4)
      .filter(Boolean)
      .map((line, index) => (index === 0 ? line.replace("CAPITAL CITY (AP) - ", "") : line)),
    caption: "Crowds gather outside parliament: day 3 #protest",
    credit: "PHOTO: EPA-EFE",
  },
];

describe("npm run import: imported stories build and show as written", () => {
  let site: FixtureSite;
  const slugs = new Map<string, string>();
  const runs = new Map<string, CliRun>();
  let built: ReturnType<typeof runBuild>;

  before(() => {
    site = createFixtureSite();
    const wire = path.join(site.root, "wire");
    mkdirSync(wire);
    writeFileSync(path.join(wire, "windows.txt"), WINDOWS_COPY);
    for (const story of STORIES) {
      const source =
        story.file === "windows.txt"
          ? path.join(wire, story.file)
          : path.join(FIXTURES, story.file);
      // Published at once, so the build below shows each story as readers will see it.
      const run = runCli("import", site.root, [source, ...story.args, "--publish"]);
      runs.set(story.file, run);
      if (run.status === 0) slugs.set(story.file, writtenSlug(run));
    }
    built = runBuild(site.root);
  });
  after(() => site.remove());

  it("imports every story, warning about what it could not map", () => {
    for (const story of STORIES) {
      const run = runs.get(story.file);
      assert.ok(run);
      assertOk(run);
      if (story.warns) assert.match(run.stderr, story.warns, story.file);
      else assert.equal(run.stderr, "", `${story.file} has nothing to warn about`);
    }
    // transliterate's default spelling of ü (German): "ue", as the slug tests pin.
    assert.equal(slugs.get("zurich.txt"), "zuerich-cafe-owners-fear-brexit-fallout");
    assert.match(slugs.get("cjk.txt") ?? "", /^article-[0-9a-f]{8}$/);
  });

  it("builds the imported articles", () => {
    assert.equal(built.status, 0, built.stderr + built.stdout);
  });

  for (const story of STORIES) {
    it(`shows ${story.file} with its headline, dateline, media text and every paragraph`, () => {
      const slug = slugs.get(story.file);
      assert.ok(slug, `${story.file} was imported`);
      const section = story.args[story.args.indexOf("--section") + 1];
      const $ = load(
        readFileSync(path.join(site.root, "_site", section ?? "", slug, "index.html"), "utf8"),
      );
      // Word for word; its quotes curled for display (docs/output.md, "Type and typography").
      assert.equal(normaliseQuotes($("h1").text()), story.headline);
      const dateline = $(".story-body .dateline");
      if (story.lead) assert.equal(dateline.text(), story.lead);
      else assert.equal(dateline.length, 0);
      const shown = $(".story-body > p")
        .toArray()
        .map((element) => normaliseQuotes($(element).text()));
      if (story.lead) shown[0] = (shown[0] ?? "").replace(`${story.lead} `, "");
      assert.deepEqual(shown, story.paragraphs.map(normaliseQuotes));
      assert.equal(normaliseQuotes($(".lead-figure .caption").text()), story.caption ?? "");
      assert.equal($(".lead-figure .credit").text(), story.credit ?? "");
      // The video's description, folded under its summary.
      assert.equal(
        normaliseQuotes($(".video-caption details > p").text()),
        story.videoDescription ?? "",
      );
      assert.equal($(".story-body script").length, 0, "no markup from the wire text");
    });
  }

  it("writes hostile text as YAML that reads back exactly", () => {
    const slug = slugs.get("hostile.txt") ?? "";
    const fields = parse(splitArticle(readArticle(site.root, slug)).frontMatter, {
      schema: "core",
    });
    assert.equal(fields.title, 'Minister: "We will not back down" #1 [update] & more');
    assert.deepEqual(fields.tags, ["@home", "#MeToo", "*Exclusive*", "- dash"]);
    assert.equal(fields.image.alt, 'A crowd: "day 3" #protest');
    assert.equal(fields.image.caption, "Crowds gather outside parliament: day 3 #protest");
  });
});

describe("npm run import refuses bad input and writes nothing", () => {
  let site: FixtureSite;
  before(() => {
    site = createFixtureSite();
    mkdirSync(path.join(site.root, "wire"));
  });
  after(() => site.remove());

  const refused = (args: readonly string[], ...messages: RegExp[]) => {
    const before = articleEntries(site.root);
    const run = runCli("import", site.root, args);
    assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stderr, /✖/, "printed by the build's reporter");
    for (const message of messages) assert.match(run.stderr, message);
    assert.deepEqual(articleEntries(site.root), before, "nothing written, nothing left behind");
    return run;
  };
  const wire = (name: string, bytes: string | Uint8Array) => {
    const file = path.join(site.root, "wire", name);
    writeFileSync(file, bytes);
    return file;
  };

  it("reports every problem with the options at once: section, dates, alt text, media", () => {
    refused(
      [
        SEED_FILE,
        "--section",
        "asai",
        "--date",
        "2019-06-23T11:05:00",
        "--photo",
        SEED_PHOTO,
        "--video-id",
        "12a",
        "--video-thumbnail",
        SEED_THUMBNAIL,
      ],
      /"asai" is not a section[\s\S]*Did you mean --section asia\?[\s\S]*singapore, asia, world/,
      /no UTC offset/,
      /A photo needs alt text/,
      /"12a" is not a Brightcove video id/,
      /4 problems in 1 file/,
    );
    refused(
      [
        SEED_FILE,
        "--section",
        "asia",
        "--date",
        "2019-02-30T11:05:00+08:00",
        "--photo",
        "nope.jpg",
        "--alt",
        "x",
        "--focus",
        "2,0",
        "--video-id",
        "123",
      ],
      /not a real date/,
      /There is no file nope\.jpg/,
      /not a focal point/,
      /needs both its Brightcove id and a thumbnail/,
      /4 problems in 2 files/,
    );
    refused(["--section", "asia"], /No wire file was given/, /No publication date was given/);
    refused([SEED_FILE, "--bogus"], /There is no option --bogus\.\n.*The options are --section/);
  });

  it("refuses missing, empty, folder and non-UTF-8 wire files", () => {
    const args = ["--section", "asia", "--date", "2019-06-23T11:05:00+08:00"];
    refused(["missing.txt", ...args], /There is no file missing\.txt/);
    refused([wire("empty.txt", ""), ...args], /The file is empty/);
    refused([path.join(site.root, "wire"), ...args], /is a folder or a device, not a file/);
    const latin1 = Buffer.from(
      "Caf\xe9 owners fear fallout\n\nZURICH (DPA) - Caf\xe9.\n",
      "latin1",
    );
    refused([wire("latin1.txt", latin1), ...args], /not valid UTF-8/);
    refused([wire("headline.txt", "Just a headline\n"), ...args], /headline but no story/);
  });

  it("refuses what the build's validator refuses, and removes what it wrote", () => {
    const long = `${"Very long headline ".repeat(12)}\n\nSEOUL (AFP) - Text.\n`;
    refused(
      [wire("long.txt", long), "--section", "asia", "--date", "2019-06-23T11:05:00+08:00"],
      /\[title\][\s\S]*longer than 200 characters/,
    );
  });

  it("never overwrites an article without --force, and replaces it with --force", () => {
    const args = [SEED_FILE, "--section", "asia", "--date", "2019-06-23T11:05:00+08:00"];
    assertOk(runCli("import", site.root, args));
    const first = readArticle(site.root, SEED_SLUG);
    refused(args, /already exists[\s\S]*--force/);
    assert.equal(readArticle(site.root, SEED_SLUG), first);
    assertOk(
      runCli("import", site.root, [...args.slice(0, -1), "2019-06-24T08:00:00+08:00", "--force"]),
    );
    assert.match(readArticle(site.root, SEED_SLUG), /^date: 2019-06-24T08:00:00\+08:00$/m);
    assert.deepEqual(articleEntries(site.root), [SEED_SLUG]);
  });
});

describe("npm run import: drafts by default", () => {
  let site: FixtureSite;
  before(() => {
    site = createFixtureSite();
  });
  after(() => site.remove());

  it("writes draft: true, says how to publish, and the build names it without publishing it", () => {
    const run = runCli("import", site.root, [SEED_FILE, ...SEED_DATE, "--slug", "from-the-wire"]);
    assertOk(run);
    const { frontMatter } = splitArticle(readArticle(site.root, "from-the-wire"));
    assert.equal(parse(frontMatter, { schema: "core" }).draft, true);
    assert.match(frontMatter, /\ndraft: true$/, "the draft line closes the front matter");
    assert.match(run.stdout, /It is a draft \(draft: true\)/);
    assert.match(
      run.stdout,
      /in content\/articles\/from-the-wire\/index\.md, change draft: true to draft: false \(or delete that line\), then run npm run build/,
    );
    const built = runBuild(site.root);
    assert.equal(built.status, 0, built.stderr);
    assert.match(built.stdout, /held back: 1 draft, 0 embargoed/);
    assert.match(built.stdout, /content\/articles\/from-the-wire\/index\.md "North Korea's Kim/);
    assert.equal(
      readFileSync(path.join(site.root, "_site/feed.xml"), "utf8").includes("from-the-wire"),
      false,
    );
  });

  it("with --publish writes no draft line, and the next build publishes it", () => {
    const run = runCli("import", site.root, [
      SEED_FILE,
      ...SEED_DATE,
      "--slug",
      "published-at-once",
      "--publish",
    ]);
    assertOk(run);
    assert.doesNotMatch(readArticle(site.root, "published-at-once"), /draft:/);
    assert.match(run.stdout, /Published with --publish/);
    assert.doesNotMatch(run.stdout, /It is a draft/);
    const built = runBuild(site.root);
    assert.equal(built.status, 0, built.stderr);
    assert.match(
      readFileSync(path.join(site.root, "_site/feed.xml"), "utf8"),
      /\/asia\/published-at-once\//,
    );
  });
});
