/**
 * The editors' web UI edits standing pages (CONTENT.md, "Standing pages"): a pages collection in
 * `/admin/config.yml`, one folder per page with its photos beside index.md, made from the page
 * schema the build validates with, so the form refuses what the build would.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { cmsConfigYaml } from "../../scripts/cms/config.ts";
import type { Site } from "../../scripts/content/model.ts";
import { POLICIES } from "../../scripts/content/page-schema.ts";

const SITE: Site = {
  name: "The Broadsheet Times",
  origin: "https://www.broadsheet.example",
  pathPrefix: "/",
  language: "en-SG",
  timeZone: "Asia/Singapore",
  sections: [{ slug: "asia", name: "Asia" }],
  brightcove: { accountId: "9876543210001", playerId: "default" },
  logo: { src: "logo.svg", alt: "The Broadsheet Times" },
  promotion: { text: "Join us." },
  cms: { backend: "github", repo: "newsroom/broadsheet" },
};

type Field = Record<string, unknown> & { name: string };
type Collection = Record<string, unknown> & { name: string; fields: Field[] };

function pages(): Collection {
  const config = parse(cmsConfigYaml(SITE)) as { collections: Collection[] };
  const found = config.collections.find((item) => item.name === "pages");
  assert.ok(found, "config.yml should have a pages collection");
  return found;
}

describe("the standing pages collection", () => {
  const collection = pages();
  const field = (name: string) => {
    const found = collection.fields.find((item) => item.name === name);
    assert.ok(found, `the form should have ${name}`);
    return found;
  };

  it("is content/pages, one folder per page with its photos beside index.md", () => {
    assert.deepEqual(
      [
        collection.folder,
        collection.path,
        collection.extension,
        collection.format,
        collection.media_folder,
        collection.public_folder,
        collection.create,
        collection.slug,
      ],
      ["content/pages", "{{slug}}/index", "md", "yaml-frontmatter", "", "", true, "{{title}}"],
    );
  });

  it("has the contract's fields, only the title required, then the text", () => {
    assert.deepEqual(
      collection.fields.map((item) => [item.name, item.required, item.widget]),
      [
        ["title", true, "string"],
        ["description", false, "text"],
        ["policy", false, "select"],
        ["footer", false, "boolean"],
        ["order", false, "number"],
        ["updated", false, "datetime"],
        ["body", true, "markdown"],
      ],
    );
    assert.equal(field("title").maxlength, 200);
    assert.equal(field("order").value_type, "int");
    assert.equal(field("updated").input_timezone, "Asia/Singapore");
    assert.equal(field("body").label, "Text");
    assert.deepEqual(field("body").editor_components, ["image"]);
  });

  it("offers every policy of the contract, each by the name editors know it by", () => {
    const options = field("policy").options as { label: string; value: string }[];
    assert.deepEqual(
      options.map((option) => option.value),
      [...POLICIES],
    );
    assert.equal(
      options.find((option) => option.value === "ownership")?.label,
      "Ownership and funding",
    );
  });
});
