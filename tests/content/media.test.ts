/**
 * The lead photo and the embedded video (CONTENT.md, the `image` and `video` rows). The group's
 * key is on line 5 and its fields follow on lines 6, 7, 8 ...
 */
import assert from "node:assert/strict";
import { rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { articleSource } from "../helpers/fixture-site.ts";
import { articlePath, expectIssue, expectValid, load, loadOne, withSite } from "./support.ts";

const SLUG = "with-media";
const FILE = articlePath(SLUG);

/** Writes the article with `fields` and the named media files beside it, then loads it. */
function loadWithMedia(fields: Record<string, string>, files: readonly string[] = []) {
  return withSite((site) => {
    for (const name of files) site.file(SLUG, name, "not really an image");
    return loadOne(site, SLUG, articleSource(fields));
  });
}

/** `image:` or `video:` as a group of indented lines. */
function group(...lines: string[]): string {
  return lines.map((line) => `\n  ${line}`).join("");
}

describe("image", () => {
  it("loads a complete image, defaulting focus to the centre", () => {
    const result = loadWithMedia(
      {
        image: group(
          "src: photo.jpg",
          "alt: A desk by a window.",
          "caption: A caption.",
          "credit: AFP",
        ),
      },
      ["photo.jpg"],
    );
    const image = expectValid(result).articles[0]?.image;
    assert.equal(image?.src, "photo.jpg");
    assert.equal(image?.alt, "A desk by a window.");
    assert.equal(image?.credit, "AFP");
    assert.deepEqual(image?.focus, [0.5, 0.5]);
  });

  it("rejects an image without alt, at the image key's line", () => {
    const result = loadWithMedia({ image: group("src: photo.jpg") }, ["photo.jpg"]);
    expectIssue(result, {
      file: FILE,
      field: "image.alt",
      line: 5,
      message: ["image.alt", "required"],
      fix: ["describe what the photo shows"],
    });
  });

  it("rejects an empty alt", () => {
    const result = loadWithMedia({ image: group("src: photo.jpg", 'alt: "  "') }, ["photo.jpg"]);
    expectIssue(result, {
      file: FILE,
      field: "image.alt",
      line: 7,
      message: ["empty"],
      fix: ["describe"],
    });
  });

  it("rejects image.src naming a file that is not beside index.md", () => {
    const result = loadWithMedia({ image: group("src: photo.jpg", "alt: A photo.") }, [
      "Photo.JPG",
    ]);
    expectIssue(result, {
      file: FILE,
      field: "image.src",
      line: 6,
      column: 8,
      message: ["photo.jpg", "no such file"],
      fix: [`content/articles/${SLUG}/`, "case-sensitive"],
    });
  });

  it("rejects a path-like image.src (../other/photo.jpg) even when that file exists", () => {
    const result = withSite((site) => {
      site.article("other", articleSource());
      site.file("other", "photo.jpg", "jpeg");
      return loadOne(
        site,
        SLUG,
        articleSource({ image: group("src: ../other/photo.jpg", "alt: A photo.") }),
      );
    });
    expectIssue(result, {
      file: FILE,
      field: "image.src",
      line: 6,
      message: ["file name beside index.md", "without folders"],
      fix: ["src: photo.jpg"],
    });
  });

  it("rejects image.src that is a link to a file outside the folder", () => {
    const result = withSite((site) => {
      const outside = site.file("other", "secret.jpg", "jpeg");
      site.article("other", articleSource());
      const folder = site.article(
        SLUG,
        articleSource({ image: group("src: photo.jpg", "alt: A photo.") }),
      );
      symlinkSync(outside, path.join(folder, "photo.jpg"));
      return load(site);
    });
    expectIssue(result, {
      file: FILE,
      field: "image.src",
      line: 6,
      message: ["not a regular file"],
    });
  });

  it("sees a photo added or removed between two loads (the dev server reloads)", () => {
    withSite((site) => {
      site.article(SLUG, articleSource({ image: group("src: photo.jpg", "alt: A photo.") }));
      expectIssue(load(site), { file: FILE, field: "image.src", message: ["no such file"] });
      const photo = site.file(SLUG, "photo.jpg", "jpeg");
      assert.equal(expectValid(load(site)).articles[0]?.image?.src, "photo.jpg");
      rmSync(photo);
      expectIssue(load(site), { file: FILE, field: "image.src", message: ["no such file"] });
    });
  });

  for (const focus of ["[0.5, 1.5]", "[-0.1, 0.5]"]) {
    it(`rejects focus ${focus} (out of 0..1)`, () => {
      const result = loadWithMedia(
        { image: group("src: photo.jpg", "alt: A photo.", `focus: ${focus}`) },
        ["photo.jpg"],
      );
      const index = focus.startsWith("[-") ? 0 : 1;
      expectIssue(result, {
        file: FILE,
        field: `image.focus.${index}`,
        line: 8,
        message: ["0 to 1"],
        fix: ["focus: [0.5, 0.35]"],
      });
    });
  }

  it("rejects focus with one number", () => {
    const result = loadWithMedia(
      { image: group("src: photo.jpg", "alt: A photo.", "focus: [0.5]") },
      ["photo.jpg"],
    );
    expectIssue(result, { file: FILE, line: 8, message: ["image.focus"], fix: ["[x, y]"] });
  });
});

describe("video", () => {
  const valid = [
    "provider: brightcove",
    'id: "1234567890001"',
    "thumbnail: thumb.jpg",
    "duration: PT1M12S",
  ];

  it("loads a complete video", () => {
    const result = loadWithMedia({ video: group(...valid) }, ["thumb.jpg"]);
    const video = expectValid(result).articles[0]?.video;
    assert.equal(video?.id, "1234567890001");
    assert.equal(video?.thumbnail.src, "thumb.jpg");
    assert.equal(video?.duration?.as("seconds"), 72);
  });

  it("rejects a video without a thumbnail", () => {
    const result = loadWithMedia({ video: group("provider: brightcove", 'id: "1234567890001"') });
    expectIssue(result, {
      file: FILE,
      field: "video.thumbnail",
      line: 5,
      message: ["video.thumbnail", "required"],
      fix: ["thumbnail: video-thumbnail.jpg"],
    });
  });

  it("rejects a thumbnail that is not beside index.md", () => {
    const result = loadWithMedia({ video: group(...valid) });
    expectIssue(result, {
      file: FILE,
      field: "video.thumbnail",
      line: 8,
      message: ["thumb.jpg", "no such file"],
    });
  });

  it("rejects provider: youtube", () => {
    const result = loadWithMedia({ video: group("provider: youtube", ...valid.slice(1)) }, [
      "thumb.jpg",
    ]);
    expectIssue(result, {
      file: FILE,
      field: "video.provider",
      line: 6,
      message: ['"brightcove"', "only provider"],
      fix: ["provider: brightcove"],
    });
  });

  for (const duration of ["72 seconds", "1:12", "PT0S"]) {
    it(`rejects duration: ${duration}`, () => {
      const result = loadWithMedia(
        { video: group(...valid.slice(0, 3), `duration: ${duration}`) },
        ["thumb.jpg"],
      );
      expectIssue(result, {
        file: FILE,
        field: "video.duration",
        line: 9,
        message: ["ISO 8601 duration"],
        fix: ["PT1M12S"],
      });
    });
  }

  it("rejects a video id that is not digits", () => {
    const result = loadWithMedia(
      { video: group("provider: brightcove", 'id: "abc"', "thumbnail: thumb.jpg") },
      ["thumb.jpg"],
    );
    expectIssue(result, {
      file: FILE,
      field: "video.id",
      line: 7,
      message: ["digits"],
      fix: ["quotes"],
    });
  });
});
