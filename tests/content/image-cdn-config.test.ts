/**
 * `images:` in the site configuration and the `IMAGE_CDN` override (CONTENT.md, "The site"):
 * which image CDN makes the site's image sizes, validated like the rest of the file, every
 * mistake named at its line with a fix.
 */

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type ContentOptions, contentOptionsFromEnv } from "../../scripts/content/options.ts";
import { articleSource } from "../helpers/fixture-site.ts";
import { expectIssue, expectValid, lineOf, load, SITE_YAML, withSite } from "./support.ts";

const SITE_FILE = "content/_data/site.yaml";

function loadWith(images: string, options: Partial<ContentOptions> = {}) {
  const yaml = `${SITE_YAML}${images}`;
  return {
    yaml,
    result: withSite((site) => {
      site.siteConfig(yaml);
      site.article("an-article", articleSource());
      return load(site, options);
    }),
  };
}

describe("images: in site.yaml", () => {
  it("is optional: without it sharp makes every size (no image CDN)", () => {
    assert.equal(expectValid(loadWith("").result).site.imageCdn, undefined);
    assert.equal(expectValid(loadWith("images:\n  cdn: none\n").result).site.imageCdn, undefined);
  });

  it("names netlify, cloudflare or imgix with its domain", () => {
    const netlify = expectValid(loadWith("images:\n  cdn: netlify\n").result).site;
    assert.deepEqual(netlify.imageCdn, { provider: "netlify" });
    const cloudflare = expectValid(loadWith("images:\n  cdn: cloudflare\n").result).site;
    assert.deepEqual(cloudflare.imageCdn, { provider: "cloudflare" });
    const imgix = expectValid(
      loadWith("images:\n  cdn: imgix\n  imgixDomain: Broadsheet.imgix.net\n").result,
    ).site;
    assert.deepEqual(imgix.imageCdn, { provider: "imgix", domain: "broadsheet.imgix.net" });
  });

  it("rejects imgix without a domain, at the cdn line", () => {
    const { yaml, result } = loadWith("images:\n  cdn: imgix\n");
    expectIssue(result, {
      file: SITE_FILE,
      field: "images.imgixDomain",
      line: lineOf(yaml, "  cdn: imgix"),
      message: ["imgixDomain", "missing"],
      fix: ["imgixDomain:", ".imgix.net"],
    });
  });

  it("rejects a domain written as an address", () => {
    const { yaml, result } = loadWith(
      "images:\n  cdn: imgix\n  imgixDomain: https://broadsheet.imgix.net/\n",
    );
    expectIssue(result, {
      file: SITE_FILE,
      field: "images.imgixDomain",
      line: lineOf(yaml, "  imgixDomain:"),
      message: ["domain alone", "no https://"],
      fix: ["imgixDomain: example.imgix.net"],
    });
  });

  it("rejects a CDN it does not know, listing those it does", () => {
    const { yaml, result } = loadWith("images:\n  cdn: fastly\n");
    expectIssue(result, {
      file: SITE_FILE,
      field: "images.cdn",
      line: lineOf(yaml, "  cdn: fastly"),
      message: ["none, netlify, cloudflare or imgix", '"fastly"'],
      fix: ["cdn:"],
    });
  });

  it("suggests the field meant by a misspelt one", () => {
    const { yaml, result } = loadWith("images:\n  cdn: imgix\n  imgixDomian: x.imgix.net\n");
    expectIssue(result, {
      file: SITE_FILE,
      field: "images.imgixDomian",
      line: lineOf(yaml, "  imgixDomian:"),
      message: ["images.imgixDomian", "not a known field"],
      fix: ['Did you mean "imgixDomain"'],
    });
  });
});

describe("IMAGE_CDN", () => {
  it("is read from the environment", () => {
    assert.equal(contentOptionsFromEnv({ IMAGE_CDN: "cloudflare" }, "/x").imageCdn, "cloudflare");
    assert.equal(contentOptionsFromEnv({}, "/x").imageCdn, undefined);
  });

  it("overrides images.cdn, either way", () => {
    const cloudflare = loadWith("images:\n  cdn: netlify\n", { imageCdn: "cloudflare" }).result;
    assert.deepEqual(expectValid(cloudflare).site.imageCdn, { provider: "cloudflare" });
    const none = loadWith("images:\n  cdn: imgix\n  imgixDomain: x.imgix.net\n", {
      imageCdn: "none",
    }).result;
    assert.equal(expectValid(none).site.imageCdn, undefined);
  });

  it("rejects a value it does not know, naming the variable", () => {
    expectIssue(loadWith("", { imageCdn: "akamai" }).result, {
      file: "IMAGE_CDN (environment variable)",
      field: "IMAGE_CDN",
      message: ['"akamai"'],
      fix: ["none, netlify, cloudflare or imgix"],
    });
  });

  it("needs images.imgixDomain for imgix", () => {
    expectIssue(loadWith("", { imageCdn: "imgix" }).result, {
      file: SITE_FILE,
      field: "images.imgixDomain",
      message: ["IMAGE_CDN=imgix", "imgixDomain"],
      fix: ["imgixDomain:"],
    });
  });
});
