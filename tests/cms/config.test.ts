/**
 * The editors' web UI configuration (`/admin/config.yml`) against the contract (CONTENT.md):
 * every field, every rule, the sections and the backend from the site configuration, and fields
 * that a schema gains later (an article `kind`, `corrections`) appearing with no other change.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { z } from "zod";
import { cmsConfig, cmsConfigYaml } from "../../scripts/cms/config.ts";
import { cmsFields } from "../../scripts/cms/fields.ts";
import { objectFields } from "../../scripts/cms/schema-shape.ts";
import { ARTICLE_FIELDS } from "../../scripts/content/article-schema.ts";
import { parseOffsetDate } from "../../scripts/content/dates.ts";
import { FRONT_FIELDS } from "../../scripts/content/front-schema.ts";
import type { Site } from "../../scripts/content/model.ts";
import { line, optional } from "../../scripts/content/schema-helpers.ts";

const SITE: Site = {
  name: "The Broadsheet Times",
  origin: "https://www.broadsheet.example",
  pathPrefix: "/",
  language: "en-SG",
  timeZone: "Asia/Singapore",
  sections: [
    { slug: "asia", name: "Asia" },
    { slug: "world", name: "World" },
  ],
  brightcove: { accountId: "9876543210001", playerId: "default" },
  logo: { src: "logo.svg", alt: "The Broadsheet Times" },
  promotion: { text: "Join us." },
  cms: { backend: "gitlab", repo: "newsroom/web/broadsheet", branch: "live" },
};

type Field = Record<string, unknown> & { name: string; fields?: Field[]; field?: Field };
type Collection = Record<string, unknown> & { name: string; fields: Field[] };

/** The configuration as an editor's browser reads it: parsed back from the YAML text. */
function config(site: Site = SITE): Record<string, unknown> & { collections: Collection[] } {
  return parse(cmsConfigYaml(site));
}

function collection(name: string, site: Site = SITE): Collection {
  const found = config(site).collections.find((item) => item.name === name);
  assert.ok(found, `config.yml should have a ${name} collection`);
  return found;
}

/** A field by dotted path (`image.alt`) within a collection's fields. */
function field(fields: readonly Field[], path: string): Field {
  const [first, ...rest] = path.split(".");
  const found = fields.find((item) => item.name === first);
  assert.ok(found, `the editor should have a field ${path}`);
  return rest.length === 0 ? found : field(found.fields ?? [], rest.join("."));
}

describe("the articles collection", () => {
  const articles = collection("articles");

  it("is the folder content/articles, one folder per article with its media beside index.md", () => {
    assert.equal(articles.folder, "content/articles");
    assert.equal(articles.path, "{{slug}}/index");
    assert.equal(articles.extension, "md");
    assert.equal(articles.format, "yaml-frontmatter");
    assert.equal(articles.media_folder, "");
    assert.equal(articles.public_folder, "");
    assert.equal(articles.create, true);
  });

  it("has every contract field, at every level, and the body", () => {
    for (const [group, names] of Object.entries(ARTICLE_FIELDS)) {
      for (const name of names) field(articles.fields, group ? `${group}.${name}` : name);
    }
    const body = field(articles.fields, "body");
    assert.equal(body.widget, "markdown");
    assert.equal(body.required, true);
    assert.equal(articles.fields.at(-1)?.name, "body");
  });

  it("requires exactly the required fields: title, date, section; src and alt with a photo", () => {
    const required = (path: string) => field(articles.fields, path).required;
    for (const path of ["title", "date", "section", "image.src", "image.alt"]) {
      assert.equal(required(path), true, `${path} should be required`);
    }
    for (const path of ["video.provider", "video.id", "video.thumbnail"]) {
      assert.equal(required(path), true, `${path} should be required in a video`);
    }
    for (const path of ARTICLE_FIELDS[""]?.filter(
      (name) => !["title", "date", "section"].includes(name),
    ) ?? []) {
      assert.equal(required(path), false, `${path} should be optional`);
    }
    for (const path of ["image.caption", "image.credit", "image.focus", "video.duration"]) {
      assert.equal(required(path), false, `${path} should be optional`);
    }
  });

  it("offers the site's sections by name and writes their slugs", () => {
    assert.deepEqual(field(articles.fields, "section"), {
      ...field(articles.fields, "section"),
      widget: "select",
      options: [
        { label: "Asia", value: "asia" },
        { label: "World", value: "world" },
      ],
    });
  });

  it("shows a section added to the site configuration with no other change", () => {
    const site = { ...SITE, sections: [...SITE.sections, { slug: "climate", name: "Climate" }] };
    const options = field(collection("articles", site).fields, "section").options as unknown[];
    assert.deepEqual(options.at(-1), { label: "Climate", value: "climate" });
  });

  it("enters and writes dates in the site's time zone, so the offset written is the site's", () => {
    for (const path of ["date", "updated"]) {
      const date = field(articles.fields, path);
      assert.equal(date.widget, "datetime");
      assert.equal(date.input_timezone, "Asia/Singapore");
    }
  });

  it("keeps the headline to 200 characters and the video id to quoted digits", () => {
    assert.equal(field(articles.fields, "title").maxlength, 200);
    const id = field(articles.fields, "video.id");
    assert.equal(id.widget, "string");
    const [pattern, message] = id.pattern as [string, string];
    assert.ok(new RegExp(pattern).test("1234567890001"));
    assert.ok(!new RegExp(pattern).test("12a4"));
    assert.match(message, /digits/);
  });

  it("takes the focal point as two numbers from 0 to 1", () => {
    const focus = field(articles.fields, "image.focus");
    assert.equal(focus.widget, "list");
    assert.equal(focus.min, 2);
    assert.equal(focus.max, 2);
    assert.equal(focus.field?.widget, "number");
    assert.equal(focus.field?.value_type, "float");
    assert.equal(focus.field?.min, 0);
    assert.equal(focus.field?.max, 1);
  });

  it("uses photo widgets for the photo and the thumbnail, files beside the article only", () => {
    for (const path of ["image.src", "video.thumbnail"]) {
      const photo = field(articles.fields, path);
      assert.equal(photo.widget, "image");
      assert.equal(photo.choose_url, false, `${path} must not take a remote address`);
      assert.equal(photo.accept, "image/jpeg,image/png,image/webp,image/avif,image/tiff");
    }
  });

  it("makes brightcove the video provider, the only choice", () => {
    const provider = field(articles.fields, "video.provider");
    assert.deepEqual(
      [provider.widget, provider.options, provider.default],
      ["select", ["brightcove"], "brightcove"],
    );
  });

  it("offers the contract's kinds and takes corrections as dated entries of a type", () => {
    const kind = field(articles.fields, "kind");
    assert.deepEqual(
      [kind.widget, kind.required, kind.options],
      [
        "select",
        false,
        ["news", "analysis", "opinion", "review", "explainer", "obituary", "sponsored", "live"],
      ],
    );
    const corrections = field(articles.fields, "corrections");
    assert.deepEqual([corrections.widget, corrections.required], ["list", false]);
    assert.deepEqual(
      corrections.fields?.map((item) => [item.name, item.widget, item.required]),
      [
        ["date", "datetime", true],
        ["text", "text", true],
        ["type", "select", false],
      ],
    );
    assert.deepEqual(field(articles.fields, "corrections.type").options, [
      "correction",
      "clarification",
    ]);
    assert.equal(field(articles.fields, "corrections.date").input_timezone, "Asia/Singapore");
  });

  it("takes topics and agencies as lists of text, and draft as a switch", () => {
    for (const path of ["tags", "sources"]) {
      const list = field(articles.fields, path);
      assert.equal(list.widget, "list");
      assert.equal(list.field, undefined, `${path} should be a plain list of text`);
    }
    assert.equal(field(articles.fields, "draft").widget, "boolean");
  });

  it("chooses authors from the profiles, writing each profile's slug", () => {
    const authors = field(articles.fields, "authors");
    assert.deepEqual(
      [authors.widget, authors.collection, authors.value_field, authors.multiple],
      ["relation", "authors", "{{slug}}", true],
    );
    assert.deepEqual(authors.display_fields, ["name"]);
    assert.equal(authors.required, false);
  });
});

describe("the article list and the labels", () => {
  const articles = collection("articles");

  it("lists each article with its draft state, headline, section and date, newest first", () => {
    assert.equal(
      articles.summary,
      "{{draft | ternary('Draft · ', '')}}{{title}} · {{section}} · {{date | date('D MMM YYYY, HH:mm')}}",
    );
    assert.deepEqual(articles.sortable_fields, {
      fields: ["date", "title", "section"],
      default: { field: "date", direction: "descending" },
    });
    const filters = articles.view_filters as { label: string; field: string }[];
    assert.deepEqual(
      filters.map((filter) => [filter.label, filter.field]),
      [
        ["Drafts", "draft"],
        ["Not drafts", "draft"],
      ],
    );
  });

  it("names one item of a list in the singular: 1 Correction, Add Topic", () => {
    const singular = (key: string) => field(articles.fields, key).label_singular;
    assert.deepEqual(["corrections", "tags", "sources"].map(singular), [
      "Correction",
      "Topic",
      "Wire agency",
    ]);
    assert.equal(field(collection("authors").fields, "links").label_singular, "Link");
  });

  it("sets no default for draft: saving a published article must not make it a draft", () => {
    assert.equal(field(articles.fields, "draft").default, undefined);
  });
});

describe("the sign-in screen", () => {
  it("shows the site's name and its logo, copied into /admin/", () => {
    const whole = config();
    assert.equal(whole.app_title, "The Broadsheet Times: editor");
    assert.deepEqual(whole.logo, { src: "/admin/logo.svg" });
    assert.deepEqual(config({ ...SITE, pathPrefix: "/news/" }).logo, {
      src: "/news/admin/logo.svg",
    });
  });
});

describe("the author profiles collection", () => {
  const authors = collection("authors");

  it("is content/authors/<slug>.yaml with the photo beside it", () => {
    assert.deepEqual(
      [authors.folder, authors.extension, authors.format, authors.media_folder, authors.slug],
      ["content/authors", "yaml", "yaml", "", "{{name}}"],
    );
  });

  it("requires the name only; role, bio, photo and links are optional", () => {
    assert.deepEqual(
      authors.fields.map((item) => [item.name, item.required, item.widget]),
      [
        ["name", true, "string"],
        ["role", false, "string"],
        ["bio", false, "text"],
        ["photo", false, "image"],
        ["links", false, "list"],
      ],
    );
  });
});

describe("the whole configuration", () => {
  it("names the backend, repository and branch from the site configuration", () => {
    assert.deepEqual(config().backend, {
      name: "gitlab",
      repo: "newsroom/web/broadsheet",
      branch: "live",
    });
  });

  it("leaves empty optional fields out of saved files", () => {
    assert.deepEqual(config().output, { omit_empty_optional_fields: true });
  });

  it("is the same text for the same site", () => {
    assert.equal(cmsConfigYaml(SITE), cmsConfigYaml(structuredClone(SITE)));
  });

  it("is valid YAML holding exactly what cmsConfig built", () => {
    assert.deepEqual(config(), JSON.parse(JSON.stringify(cmsConfig(SITE))));
  });
});

describe("fields a schema gains later", () => {
  // As another issue adds them to the article schema: the generator must need no change.
  const dateTime = () =>
    z.string().transform((value, context) => {
      const parsed = parseOffsetDate(value);
      if (parsed.ok) return parsed.value;
      context.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    });
  const grown = z.strictObject({
    title: line(),
    kind: optional(
      z.enum(["news", "analysis", "opinion", "review", "explainer", "obituary", "sponsored"]),
    ),
    corrections: optional(
      z.array(
        z.strictObject({
          date: dateTime(),
          text: line(),
          type: optional(z.enum(["correction", "clarification"])),
        }),
      ),
    ),
    rating: optional(z.number().int().min(1).max(5)),
  });
  const fields = cmsFields(objectFields(grown), {}, SITE) as unknown as Field[];

  it("shows an enum as a choice of its values", () => {
    const kind = field(fields, "kind");
    assert.equal(kind.widget, "select");
    assert.equal(kind.required, false);
    assert.deepEqual(kind.options, [
      "news",
      "analysis",
      "opinion",
      "review",
      "explainer",
      "obituary",
      "sponsored",
    ]);
  });

  it("shows a list of groups with a date, required text and a choice", () => {
    const corrections = field(fields, "corrections");
    assert.equal(corrections.widget, "list");
    assert.deepEqual(
      corrections.fields?.map((item) => [item.name, item.widget, item.required]),
      [
        ["date", "datetime", true],
        ["text", "string", true],
        ["type", "select", false],
      ],
    );
    assert.equal(field(fields, "corrections.date").input_timezone, "Asia/Singapore");
  });

  it("shows an integer with its range", () => {
    const rating = field(fields, "rating");
    assert.deepEqual(
      [rating.widget, rating.value_type, rating.min, rating.max],
      ["number", "int", 1, 5],
    );
  });

  it("refuses a field it cannot show, naming it, rather than leaving it out", () => {
    const odd = z.strictObject({ when: z.union([z.string(), z.number()]) });
    assert.throws(() => cmsFields(objectFields(odd), {}, SITE), /cannot show the field when/);
  });
});

describe("a live blog's updates", () => {
  const blogs = [
    { slug: "earthquake-strikes-southern-philippines", title: "Earthquake: live" },
    { slug: "typhoon-live", title: "Typhoon: live" },
  ];
  const parsed = parse(cmsConfigYaml(SITE, blogs)) as { collections: Collection[] };
  const live = parsed.collections.filter((item) => item.name.startsWith("live-"));

  it("are a collection per running blog: new files in its live/ folder, photos beside them", () => {
    assert.deepEqual(
      live.map((item) => [item.name, item.label, item.folder]),
      [
        [
          "live-earthquake-strikes-southern-philippines",
          "Live: Earthquake: live",
          "content/articles/earthquake-strikes-southern-philippines/live",
        ],
        ["live-typhoon-live", "Live: Typhoon: live", "content/articles/typhoon-live/live"],
      ],
    );
    for (const item of live) {
      assert.equal(item.create, true);
      assert.equal(item.extension, "md");
      assert.equal(item.format, "yaml-frontmatter");
      assert.equal(item.media_folder, "");
      assert.equal(item.path, undefined, "one file per update, not a folder");
    }
    assert.equal(
      config().collections.some((item) => item.name.startsWith("live-")),
      false,
      "no blog, no collection",
    );
  });

  it("name each new file with a valid, permanent id", () => {
    const slug = String(live[0]?.slug);
    const sample = slug
      .replace("{{year}}", "2026")
      .replace("{{month}}", "12")
      .replace("{{day}}", "07")
      .replace("{{hour}}", "02")
      .replace("{{minute}}", "32")
      .replace("{{second}}", "09");
    assert.match(sample, /^[a-z0-9-]+$/);
  });

  it("take the update contract's fields, the time now in the site's zone, then the text", () => {
    const fields = live[0]?.fields ?? [];
    assert.deepEqual(
      fields.map((item) => [item.name, item.widget, item.required]),
      [
        ["time", "datetime", true],
        ["title", "string", false],
        ["key", "boolean", false],
        ["pinned", "boolean", false],
        ["authors", "relation", false],
        ["draft", "boolean", false],
        ["body", "markdown", true],
      ],
    );
    const time = field(fields, "time");
    assert.equal(time.default, "{{now}}");
    assert.equal(time.input_timezone, "Asia/Singapore");
    assert.equal(field(fields, "title").maxlength, 200);
  });
});

describe("the fronts collection (issue 21)", () => {
  type FilesCollection = Collection & {
    files: (Record<string, unknown> & { name: string; file: string; fields: Field[] })[];
  };
  const fronts = collection("fronts") as FilesCollection;
  const home = fronts.files.find((file) => file.name === "home");

  it("edits the front page's file and one per section, in the site's order", () => {
    assert.deepEqual(
      fronts.files.map((file) => [file.name, file.label, file.file]),
      [
        ["home", "Front page", "content/fronts/home.yaml"],
        ["asia", "Asia front", "content/fronts/asia.yaml"],
        ["world", "World front", "content/fronts/world.yaml"],
      ],
    );
  });

  it("has every field of a front file; the banner on the front page's only", () => {
    assert.ok(home);
    for (const [group, names] of Object.entries(FRONT_FIELDS)) {
      for (const name of names) field(home.fields, group ? `${group}.${name}` : name);
    }
    const asia = fronts.files.find((file) => file.name === "asia");
    assert.deepEqual(
      asia?.fields.map((item) => item.name),
      ["containers"],
    );
  });

  it("chooses stories from the articles by headline and saves their slugs", () => {
    assert.ok(home);
    const stories = field(home.fields, "containers.stories");
    assert.deepEqual(
      [stories.widget, stories.collection, stories.value_field, stories.multiple],
      ["relation", "articles", "{{slug}}", true],
    );
    assert.deepEqual(stories.search_fields, ["title"]);
    assert.deepEqual(stories.display_fields, ["title"]);
    assert.equal(stories.required, false);
  });

  it("offers the layouts, the sections by name and the kinds; sizes as whole numbers", () => {
    assert.ok(home);
    const layout = field(home.fields, "containers.layout");
    assert.deepEqual(
      [layout.widget, layout.options, layout.required],
      ["select", ["lead", "grid", "list"], true],
    );
    assert.deepEqual(field(home.fields, "containers.fill.section").options, [
      { label: "Asia", value: "asia" },
      { label: "World", value: "world" },
    ]);
    assert.equal(field(home.fields, "containers.fill.kind").widget, "select");
    const size = field(home.fields, "containers.size");
    assert.deepEqual([size.widget, size.value_type, size.min, size.max], ["number", "int", 1, 24]);
  });

  it("edits the banner: its text, its link, and its end in the site's time zone", () => {
    assert.ok(home);
    assert.equal(field(home.fields, "breaking").required, false);
    assert.equal(field(home.fields, "breaking.text").required, true);
    const until = field(home.fields, "breaking.until");
    assert.deepEqual([until.widget, until.input_timezone], ["datetime", "Asia/Singapore"]);
  });

  it("chooses an article's related stories from the articles by headline", () => {
    const related = field(collection("articles").fields, "related");
    assert.deepEqual(
      [related.widget, related.collection, related.value_field, related.multiple],
      ["relation", "articles", "{{slug}}", true],
    );
  });
});
