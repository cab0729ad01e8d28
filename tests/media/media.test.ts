/**
 * The media module end to end: real sources in, real files out, read back with sharp.
 * Sources are small (1700 x 1100 or less) and most tests pass small widths, so the file runs
 * in well under a minute on 2 cores.
 */
import assert from "node:assert/strict";
import { mkdir, readdir, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import type { ContentIssue } from "../../scripts/content/issues.ts";
import {
  createMediaOptions,
  type LocalImage,
  type MediaOptions,
  type MediaProgress,
  type MediaRequest,
  type MediaResult,
  mediaKey,
  processImages,
  pruneCache,
  publishImages,
} from "../../scripts/media/index.ts";
import { readExif, TAG } from "./exif.ts";
import {
  corruptJpeg,
  gif,
  HTML,
  heicHeader,
  hugePngHeader,
  markedImage,
  photo,
  put,
  requestFor,
  type Scratch,
  SVG,
  scratch,
  truncatedJpeg,
} from "./fixtures.ts";

/** Small widths where a test is not about the defaults: fewer, cheaper encodes. */
/** Options without an image CDN: sharp makes every candidate, each a file. */
type LocalOptions = Partial<MediaOptions> & { readonly cdn?: undefined };

const SMALL: LocalOptions = { widths: [200, 400] };

let tmp: Scratch;
before(async () => {
  tmp = await scratch();
});
after(async () => {
  await tmp.cleanup();
});

/** A fresh cache folder per test, so no test sees another's files. */
let caches = 0;
function freshCache(): string {
  caches += 1;
  return join(tmp.dir, `cache-${caches}`);
}

async function ok(
  requests: readonly MediaRequest[],
  options: LocalOptions,
  onProgress?: (p: MediaProgress) => void,
): Promise<MediaResult<LocalImage>> {
  const result = await processImages(requests, options, onProgress);
  if (!result.ok) assert.fail(result.issues.map((i) => i.message).join("\n"));
  return result.value;
}

async function issuesOf(
  requests: readonly MediaRequest[],
  options: Partial<MediaOptions> = SMALL,
): Promise<readonly ContentIssue[]> {
  const result = await processImages(requests, { cacheDir: freshCache(), ...options });
  assert.equal(result.ok, false, "expected the run to fail");
  return result.ok ? [] : result.issues;
}

function only(result: MediaResult<LocalImage>): LocalImage {
  assert.equal(result.images.size, 1);
  const [image] = result.images.values();
  assert.ok(image);
  return image;
}

function allFiles(image: LocalImage) {
  return [
    ...image.variants.avif,
    ...image.variants.webp,
    ...image.variants.jpeg,
    ...Object.values(image.crops),
  ];
}

const SHARP_FORMAT = { avif: "heif", webp: "webp", jpeg: "jpeg" } as const;

describe("outputs", () => {
  let cacheDir: string;
  let image: LocalImage;
  let result: MediaResult<LocalImage>;

  before(async () => {
    cacheDir = freshCache();
    const file = await put(tmp.dir, "lead-photo.jpg", await photo(1700, 1100));
    result = await ok([requestFor(file, { focus: [0.5, 0.35], credit: "AFP" })], { cacheDir });
    image = only(result);
  });

  it("makes every default width in AVIF, WebP and JPEG at exactly the claimed pixel size", async () => {
    assert.deepEqual([image.width, image.height], [1700, 1100]);
    for (const format of ["avif", "webp", "jpeg"] as const) {
      const files = image.variants[format];
      assert.deepEqual(
        files.map((f) => f.width),
        [400, 800, 1200, 1600],
        `${format} widths ascending`,
      );
      for (const file of files) {
        assert.equal(file.format, format);
        assert.equal(file.height, Math.round((file.width * 1100) / 1700));
        const meta = await sharp(
          join(cacheDir, "files", file.path.slice("media/".length)),
        ).metadata();
        assert.equal(meta.format, SHARP_FORMAT[format], file.path);
        assert.deepEqual([meta.width, meta.height], [file.width, file.height], file.path);
      }
    }
  });

  it("names files media/<stem>-<10 hex>-<width or crop>.<ext>", () => {
    for (const file of allFiles(image)) {
      assert.match(
        file.path,
        /^media\/lead-photo-[0-9a-f]{10}-(\d+|16x9|4x3|1x1|social)\.(avif|webp|jpg)$/,
      );
    }
    assert.equal(result.files.length, 16);
    assert.deepEqual(result.files, [...new Set(allFiles(image).map((f) => f.path))].sort());
  });

  it("makes 1200 px JPEG crops at 16:9, 4:3 and 1200 x 630; 1:1 as large as the 1100 px height allows", async () => {
    const expected = {
      "16x9": [1200, 675],
      "4x3": [1200, 900],
      "1x1": [1100, 1100],
      social: [1200, 630],
    } as const;
    for (const [name, size] of Object.entries(expected)) {
      const crop = image.crops[name as keyof typeof expected];
      assert.deepEqual([crop.width, crop.height], size, name);
      assert.equal(crop.format, "jpeg");
      const meta = await sharp(
        join(cacheDir, "files", crop.path.slice("media/".length)),
      ).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ["jpeg", ...size], name);
      assert.ok(crop.width * crop.height >= 50_000);
    }
  });

  it("makes a tiny blurred WebP placeholder as a data URI of a few hundred bytes", async () => {
    assert.match(image.placeholder, /^data:image\/webp;base64,[A-Za-z0-9+/]+=*$/);
    assert.ok(image.placeholder.length < 400, `${image.placeholder.length} characters`);
    const bytes = Buffer.from(image.placeholder.split(",")[1] ?? "", "base64");
    const meta = await sharp(bytes).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ["webp", 20, 13]);
  });

  it("writes JPEG crops as progressive scans", async () => {
    const meta = await sharp(join(cacheDir, "files", image.crops["16x9"].path.slice(6))).metadata();
    assert.equal(meta.isProgressive, true);
  });
});

describe("source formats", () => {
  it("accepts JPEG, PNG, WebP, AVIF and TIFF, whatever their names", async () => {
    const cacheDir = freshCache();
    const base = sharp(await photo(300, 200, 19));
    const sources = {
      "jpeg.jpg": await base.clone().jpeg().toBuffer(),
      "png.jpg": await base.clone().png().toBuffer(),
      "webp.webp": await base.clone().webp().toBuffer(),
      "avif.avif": await base.clone().avif({ effort: 0 }).toBuffer(),
      "tiff.tif": await base.clone().tiff().toBuffer(),
    };
    const requests = await Promise.all(
      Object.entries(sources).map(async ([name, bytes], i) =>
        requestFor(await put(tmp.dir, `format-${name}`, bytes), {
          article: `content/articles/format-${i}/index.md`,
        }),
      ),
    );
    const result = await ok(requests, { cacheDir, widths: [200] });
    assert.equal(result.images.size, 5);
    for (const image of result.images.values())
      assert.deepEqual([image.width, image.height], [300, 200]);
  });
});

describe("small sources", () => {
  it("are never upscaled: widths stop at the source's own width, crops at its size", async () => {
    const cacheDir = freshCache();
    const file = await put(tmp.dir, "small.jpg", await photo(500, 333, 2));
    const image = only(await ok([requestFor(file)], { cacheDir }));
    for (const format of ["avif", "webp", "jpeg"] as const) {
      assert.deepEqual(
        image.variants[format].map((f) => [f.width, f.height]),
        [
          [400, 266],
          [500, 333],
        ],
      );
    }
    const crops = Object.fromEntries(
      Object.entries(image.crops).map(([name, f]) => [name, `${f.width}x${f.height}`]),
    );
    assert.deepEqual(crops, {
      "16x9": "496x279",
      "4x3": "444x333",
      "1x1": "333x333",
      social: "480x252",
    });
    for (const file of allFiles(image)) {
      const meta = await sharp(join(cacheDir, "files", file.path.slice(6))).metadata();
      assert.deepEqual([meta.width, meta.height], [file.width, file.height], file.path);
    }
  });
});

describe("focal point", () => {
  /** Red pixels' bounding box in a decoded crop, or undefined if there are none. */
  async function redPixels(path: string) {
    const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
    let count = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if ((data[i] ?? 0) > 190 && (data[i + 1] ?? 255) < 70 && (data[i + 2] ?? 255) < 70)
        count += 1;
    }
    return count;
  }

  for (const focus of [
    [0, 0],
    [1, 1],
    [0.85, 0.15],
  ] as const) {
    it(`keeps the focal point [${focus}] inside every crop`, async () => {
      const cacheDir = freshCache();
      const file = await put(
        tmp.dir,
        `marked-${focus.join("-")}.jpg`,
        await markedImage(1700, 1100, focus),
      );
      const image = only(await ok([requestFor(file, { focus })], { cacheDir, widths: [200] }));
      for (const [name, crop] of Object.entries(image.crops)) {
        const red = await redPixels(join(cacheDir, "files", crop.path.slice(6)));
        // The 40 px marker is at least a quarter inside the crop, scaled by up to 1200/1700.
        assert.ok(red > 100, `${name} shows the marker (${red} red pixels)`);
      }
    });
  }
});

describe("cache", () => {
  it("gives a changed source new file names", async () => {
    const cacheDir = freshCache();
    const file = await put(tmp.dir, "changing.jpg", await photo(900, 600, 5));
    const first = await ok([requestFor(file)], { cacheDir, ...SMALL });
    await writeFile(file, await photo(900, 600, 6));
    const second = await ok([requestFor(file)], { cacheDir, ...SMALL });
    const overlap = first.files.filter((f) => second.files.includes(f));
    assert.deepEqual(overlap, []);
    assert.equal(second.stats.encoded, 1);
  });

  it("keeps variant files and re-cuts only the crops when just the focus changes", async () => {
    const cacheDir = freshCache();
    const file = await put(tmp.dir, "refocus.jpg", await photo(900, 600, 7));
    const first = only(await ok([requestFor(file, { focus: [0.5, 0.5] })], { cacheDir, ...SMALL }));
    const second = only(
      await ok([requestFor(file, { focus: [0.1, 0.9] })], { cacheDir, ...SMALL }),
    );
    assert.deepEqual(second.variants, first.variants);
    assert.notEqual(second.crops["1x1"].path, first.crops["1x1"].path);
  });

  it("makes the same photo once when two articles use copies of it in the same run", async () => {
    const cacheDir = freshCache();
    const bytes = await photo(900, 600, 12);
    await mkdir(join(tmp.dir, "copy-a"), { recursive: true });
    await mkdir(join(tmp.dir, "copy-b"), { recursive: true });
    const requests = [
      requestFor(await put(join(tmp.dir, "copy-a"), "photo.jpg", bytes), {
        article: "content/articles/a/index.md",
      }),
      requestFor(await put(join(tmp.dir, "copy-b"), "photo.jpg", bytes), {
        article: "content/articles/b/index.md",
      }),
    ];
    const result = await ok(requests, { cacheDir, ...SMALL, concurrency: 2 });
    assert.deepEqual([result.stats.total, result.stats.encoded, result.stats.reused], [2, 1, 1]);
    const [a, b] = requests.map((request) => result.images.get(mediaKey(request)));
    assert.deepEqual(a, b);
  });

  it("rebuilds warm without encoding anything and leaves every file byte-identical", async () => {
    const cacheDir = freshCache();
    const files = [
      await put(tmp.dir, "warm-a.jpg", await photo(900, 600, 8)),
      await put(tmp.dir, "warm-b.jpg", await photo(700, 500, 9)),
    ];
    const requests = files.map((file, i) =>
      requestFor(file, { article: `content/articles/w${i}/index.md` }),
    );
    const cold = await ok(requests, { cacheDir, ...SMALL });
    assert.deepEqual([cold.stats.total, cold.stats.encoded, cold.stats.reused], [2, 2, 0]);
    const outA = join(tmp.dir, "warm-out-a");
    await publishImages(cold, outA, { cacheDir });
    const before = await Promise.all(cold.files.map((f) => readFile(join(outA, f))));

    const progress: MediaProgress[] = [];
    const warm = await ok(requests, { cacheDir, ...SMALL }, (p) => progress.push(p));
    assert.deepEqual([warm.stats.total, warm.stats.encoded, warm.stats.reused], [2, 0, 2]);
    assert.deepEqual(warm.files, cold.files);
    assert.deepEqual([...warm.images.entries()], [...cold.images.entries()]);
    assert.deepEqual(progress.at(-1), {
      ...progress.at(-1),
      done: 2,
      total: 2,
      reused: 2,
      encoded: 0,
    });

    const outB = join(tmp.dir, "warm-out-b");
    await publishImages(warm, outB, { cacheDir });
    const after = await Promise.all(warm.files.map((f) => readFile(join(outB, f))));
    assert.deepEqual(after, before);
  });

  it("never trusts files a build left without their manifest: it makes them again, the same", async () => {
    // Without a manifest there is nothing to check a file against: one cut short since would
    // otherwise be published (found by tests/build/incremental.test.ts).
    const cacheDir = freshCache();
    const file = await put(tmp.dir, "interrupted.jpg", await photo(900, 600, 10));
    const cold = await ok([requestFor(file)], { cacheDir, ...SMALL });
    const inCache = (path: string) => join(cacheDir, "files", path.slice("media/".length));
    const good = await Promise.all(cold.files.map((path) => readFile(inCache(path))));
    await rm(join(cacheDir, "manifests"), { recursive: true });
    const [victim] = cold.files;
    assert.ok(victim);
    await truncate(inCache(victim), 100);
    const again = await ok([requestFor(file)], { cacheDir, ...SMALL });
    assert.equal(again.stats.encoded, cold.stats.encoded, "every file is made again");
    assert.deepEqual(again.files, cold.files);
    assert.deepEqual(await Promise.all(again.files.map((path) => readFile(inCache(path)))), good);
  });

  it("never trusts a damaged cache file: it is made again", async () => {
    const cacheDir = freshCache();
    const file = await put(tmp.dir, "damaged.jpg", await photo(900, 600, 11));
    const cold = only(await ok([requestFor(file)], { cacheDir, ...SMALL }));
    const victim = join(cacheDir, "files", cold.variants.webp[0]?.path.slice(6) ?? "");
    const good = await readFile(victim);
    await truncate(victim, 100);
    const again = await ok([requestFor(file)], { cacheDir, ...SMALL });
    assert.equal(again.stats.encoded, 1);
    assert.deepEqual(await readFile(victim), good);
  });

  it("processes one file named by two requests once, under both keys", async () => {
    const cacheDir = freshCache();
    const file = await put(tmp.dir, "shared.jpg", await photo(900, 600, 12));
    const a = requestFor(file, { field: "image.src" });
    const b = requestFor(file, { field: "video.thumbnail" });
    const result = await ok([a, b], { cacheDir, ...SMALL });
    assert.equal(result.stats.total, 1);
    assert.deepEqual(result.images.get(mediaKey(a)), result.images.get(mediaKey(b)));
    assert.notEqual(mediaKey(a), mediaKey(b));
  });
});

describe("publish and prune", () => {
  it("hard-links exactly the files in use, and prune deletes everything else", async () => {
    const cacheDir = freshCache();
    const file = await put(tmp.dir, "publish.jpg", await photo(900, 600, 13));
    const old = await ok([requestFor(file)], { cacheDir, ...SMALL });
    await writeFile(file, await photo(900, 600, 14));
    const current = await ok([requestFor(file)], { cacheDir, ...SMALL });
    await writeFile(join(cacheDir, "files", ".tmp-123-abcd-photo-0123456789-200.avif"), "half");

    const out = join(tmp.dir, "site");
    await publishImages(current, out, { cacheDir });
    const published = (await readdir(join(out, "media"))).map((name) => `media/${name}`).sort();
    assert.deepEqual(published, current.files);
    const [first] = current.files;
    assert.ok(first);
    const [a, b] = await Promise.all([
      stat(join(out, first)),
      stat(join(cacheDir, "files", first.slice(6))),
    ]);
    assert.equal(a.ino, b.ino, "a hard link, not a copy");

    const { removed } = await pruneCache(current.files, { cacheDir });
    assert.equal(removed, old.files.length + 1 + 1, "old files, old manifest, temporary file");
    const left = (await readdir(join(cacheDir, "files"))).map((name) => `media/${name}`).sort();
    assert.deepEqual(left, current.files);
    const warm = await ok([requestFor(file)], { cacheDir, ...SMALL });
    assert.equal(warm.stats.encoded, 0, "the current image is still cached");
  });
});

describe("metadata and colour", () => {
  it("applies EXIF orientation: a sideways camera JPEG comes out upright", async () => {
    const cacheDir = freshCache();
    // Stored 600 x 400: left half red, right half blue, tagged "rotate 90° clockwise to view".
    const halves = await sharp({
      create: { width: 600, height: 400, channels: 3, background: "#ff0000" },
    })
      .composite([
        {
          input: { create: { width: 300, height: 400, channels: 3, background: "#0000ff" } },
          left: 300,
          top: 0,
        },
      ])
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const file = await put(tmp.dir, "sideways.jpg", halves);
    const image = only(await ok([requestFor(file)], { cacheDir, widths: [200] }));
    assert.deepEqual([image.width, image.height], [400, 600]);
    const jpeg = image.variants.jpeg[0];
    assert.ok(jpeg);
    assert.deepEqual([jpeg.width, jpeg.height], [200, 300]);
    const path = join(cacheDir, "files", jpeg.path.slice(6));
    const meta = await sharp(path).metadata();
    assert.ok(
      meta.orientation === undefined || meta.orientation === 1,
      "no rotation left to apply",
    );
    const { data } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * 200 + x) * 3, (y * 200 + x) * 3 + 3),
    ];
    const [topR, , topB] = pixel(100, 20);
    const [bottomR, , bottomB] = pixel(100, 280);
    assert.ok((topR ?? 0) > 200 && (topB ?? 255) < 60, `top is red: ${pixel(100, 20)}`);
    assert.ok((bottomB ?? 0) > 200 && (bottomR ?? 255) < 60, `bottom is blue: ${pixel(100, 280)}`);
  });

  it("strips GPS position and camera data, and keeps the credit as EXIF Copyright in every format", async () => {
    const cacheDir = freshCache();
    const tagged = await sharp(await photo(900, 600, 15))
      .withExif({
        IFD0: { Make: "Canon", Model: "EOS R5", Copyright: "Someone else" },
        IFD2: { DateTimeOriginal: "2019:06:23 11:05:00", BodySerialNumber: "0123456789" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "39/1 1/1 4500/100" },
      })
      .jpeg()
      .toBuffer();
    const sourceExif = readExif((await sharp(tagged).metadata()).exif ?? Buffer.alloc(0));
    assert.ok(sourceExif.ifd0.has(TAG.gpsIfd) && sourceExif.ifd0.has(TAG.make), "source is tagged");

    const file = await put(tmp.dir, "tagged.jpg", tagged);
    const image = only(
      await ok([requestFor(file, { credit: "AFP / Jane Doe" })], { cacheDir, widths: [200] }),
    );
    for (const output of allFiles(image)) {
      const meta = await sharp(join(cacheDir, "files", output.path.slice(6))).metadata();
      assert.ok(meta.exif, `${output.path} has EXIF`);
      const exif = readExif(meta.exif);
      assert.equal(exif.copyright, "AFP / Jane Doe", output.path);
      for (const tag of [TAG.gpsIfd, TAG.make, TAG.model]) {
        assert.ok(!exif.ifd0.has(tag), `${output.path} has no tag 0x${tag.toString(16)}`);
      }
      for (const tag of [TAG.dateTimeOriginal, TAG.bodySerialNumber]) {
        assert.ok(!exif.exif.has(tag), `${output.path} has no Exif tag 0x${tag.toString(16)}`);
      }
      assert.equal(meta.xmp, undefined);
      assert.equal(meta.iptc, undefined);
    }
  });

  it("writes no metadata at all when there is no credit", async () => {
    const cacheDir = freshCache();
    const file = await put(tmp.dir, "uncredited.jpg", await photo(900, 600, 16));
    const image = only(await ok([requestFor(file)], { cacheDir, widths: [200] }));
    const meta = await sharp(
      join(cacheDir, "files", image.variants.jpeg[0]?.path.slice(6) ?? ""),
    ).metadata();
    assert.equal(meta.exif, undefined);
  });

  it("converts colours through the embedded profile, 16-bit Display P3 included", async () => {
    const cacheDir = freshCache();
    // sRGB (40, 200, 60) stored as Display P3 values in a 16-bit PNG with a P3 profile.
    const p3 = await sharp({
      create: { width: 300, height: 200, channels: 3, background: { r: 40, g: 200, b: 60 } },
    })
      .toColourspace("rgb16")
      .withIccProfile("p3")
      .png()
      .toBuffer();
    const file = await put(tmp.dir, "p3-16bit.png", p3);
    const image = only(await ok([requestFor(file)], { cacheDir, widths: [200] }));
    const path = join(cacheDir, "files", image.variants.webp[0]?.path.slice(6) ?? "");
    const { data } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
    const [r, g, b] = [...data.subarray(0, 3)];
    for (const [got, want] of [
      [r, 40],
      [g, 200],
      [b, 60],
    ] as const) {
      assert.ok(Math.abs((got ?? 0) - want) <= 4, `sRGB (${r}, ${g}, ${b}) close to (40, 200, 60)`);
    }
  });
  it("flattens transparency onto white and converts CMYK to RGB", async () => {
    const cacheDir = freshCache();
    const transparent = await sharp({
      create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const cmyk = await sharp({
      create: { width: 300, height: 200, channels: 3, background: { r: 200, g: 40, b: 40 } },
    })
      .toColourspace("cmyk")
      .jpeg({ quality: 95 })
      .toBuffer();
    assert.equal((await sharp(cmyk).metadata()).space, "cmyk");
    const requests = [
      requestFor(await put(tmp.dir, "transparent.png", transparent), { field: "image.src" }),
      requestFor(await put(tmp.dir, "cmyk.jpg", cmyk), { field: "video.thumbnail" }),
    ];
    const result = await ok(requests, { cacheDir, widths: [200] });
    const firstPixel = async (request: MediaRequest) => {
      const file = result.images.get(mediaKey(request))?.variants.jpeg[0];
      assert.ok(file);
      const { data, info } = await sharp(join(cacheDir, "files", file.path.slice(6)))
        .raw()
        .toBuffer({ resolveWithObject: true });
      assert.equal(info.channels, 3);
      return [...data.subarray(0, 3)];
    };
    const white = await firstPixel(requests[0] as MediaRequest);
    assert.ok(
      white.every((v) => v >= 250),
      `white, got ${white}`,
    );
    const [r, g, b] = await firstPixel(requests[1] as MediaRequest);
    assert.ok((r ?? 0) > 150 && (g ?? 255) < 100 && (b ?? 255) < 100, `red, got ${[r, g, b]}`);
  });
});

describe("bad sources", () => {
  const article = "content/articles/bad-story/index.md";

  async function single(
    name: string,
    bytes: Uint8Array | string | undefined,
  ): Promise<ContentIssue> {
    const dir = join(tmp.dir, "bad");
    await mkdir(dir, { recursive: true });
    const file = bytes === undefined ? join(dir, name) : await put(dir, name, bytes);
    const issues = await issuesOf([requestFor(file, { article, field: "image.src" })]);
    assert.equal(issues.length, 1);
    const [issue] = issues;
    assert.ok(issue);
    assert.equal(issue.file, article);
    assert.equal(issue.field, "image.src");
    assert.ok(issue.message.includes(`bad/${name}`), `message names the file: ${issue.message}`);
    assert.ok(issue.fix.length > 20, "a fix an editor can act on");
    return issue;
  }

  it("a missing file", async () => {
    const issue = await single("missing.jpg", undefined);
    assert.match(issue.message, /does not exist/);
  });

  it("a missing file whose name differs only in case suggests the real one", async () => {
    await put(tmp.dir, "Cased.JPG", await photo(64, 48));
    const issues = await issuesOf([requestFor(join(tmp.dir, "cased.jpg"))]);
    assert.match(issues[0]?.message ?? "", /Cased\.JPG/);
    assert.match(issues[0]?.fix ?? "", /Cased\.JPG/);
  });

  it("an empty file", async () => {
    assert.match((await single("empty.jpg", "")).message, /empty \(0 bytes\)/);
  });

  it("a web page saved as .jpg", async () => {
    assert.match((await single("page.jpg", HTML)).message, /web page \(HTML\)/);
  });

  it("a text file named .jpg", async () => {
    assert.match((await single("note.jpg", "Photo to follow.\n")).message, /text file/);
  });

  it("an SVG named .jpg (sharp would happily decode it)", async () => {
    assert.match((await single("drawing.jpg", SVG)).message, /SVG drawing.*not accepted/);
  });

  it("a truncated JPEG (metadata() alone would accept it)", async () => {
    const bytes = await truncatedJpeg();
    await assert.doesNotReject(sharp(bytes).metadata());
    assert.match((await single("truncated.jpg", bytes)).message, /cut short/);
  });

  it("the same damaged bytes in two stories: each is told of its own file, the reason once", async () => {
    const bytes = await truncatedJpeg();
    await mkdir(join(tmp.dir, "copy-a"), { recursive: true });
    await mkdir(join(tmp.dir, "copy-b"), { recursive: true });
    const first = await put(join(tmp.dir, "copy-a"), "broken.jpg", bytes);
    const second = await put(join(tmp.dir, "copy-b"), "broken.jpg", bytes);
    const issues = await issuesOf([
      requestFor(first, { article: "content/articles/copy-a/index.md", field: "image.src" }),
      requestFor(second, {
        article: "content/articles/copy-b/index.md",
        field: "the photo on line 8",
      }),
    ]);
    assert.equal(issues.length, 2);
    for (const [issue, folder] of [
      [issues[0], "copy-a"],
      [issues[1], "copy-b"],
    ] as const) {
      assert.equal(issue?.file, `content/articles/${folder}/index.md`);
      assert.match(issue?.message ?? "", new RegExp(`${folder}/broken\\.jpg is cut short`));
      const other = folder === "copy-a" ? "copy-b" : "copy-a";
      assert.doesNotMatch(issue?.message ?? "", new RegExp(other), "names only its own file");
      const reasons = /\((.*)\)\.$/.exec(issue?.message ?? "")?.[1]?.split("; ") ?? [];
      assert.equal(new Set(reasons).size, reasons.length, "each reason said once");
    }
  });

  it("a JPEG with corrupt pixel data (metadata() alone would accept it)", async () => {
    const bytes = await corruptJpeg();
    await assert.doesNotReject(sharp(bytes).metadata());
    assert.match(
      (await single("corrupt.jpg", bytes)).message,
      /is damaged: its image data is corrupt/,
    );
  });

  it("a 30000 x 30000 PNG, refused from its header in milliseconds", async () => {
    const started = performance.now();
    const issue = await single("huge.png", hugePngHeader());
    assert.match(
      issue.message,
      /30000 x 30000 pixels \(900 megapixels\), over the limit of 100 megapixels/,
    );
    assert.ok(performance.now() - started < 2000, "fails fast, without decoding");
  });

  it("a truncated PNG", async () => {
    const png = await sharp(await photo(400, 300, 4))
      .png()
      .toBuffer();
    const issue = await single("truncated.png", png.subarray(0, Math.floor(png.length * 0.6)));
    assert.match(issue.message, /damaged|cut short/);
  });

  it("a GIF", async () => {
    assert.match(
      (await single("animation.gif", await gif())).message,
      /GIF image, which is not accepted/,
    );
  });

  it("an iPhone HEIC", async () => {
    assert.match((await single("iphone.jpg", heicHeader())).message, /HEIC/);
  });

  it("reports every bad image in one run, in request order, and still no result", async () => {
    const dir = join(tmp.dir, "many");
    await mkdir(dir, { recursive: true });
    const good = await put(dir, "good.jpg", await photo(600, 400, 17));
    const requests = [
      requestFor(join(dir, "nope.jpg"), { article: "content/articles/a/index.md" }),
      requestFor(good, { article: "content/articles/b/index.md" }),
      requestFor(await put(dir, "svg.jpg", SVG), {
        article: "content/articles/c/index.md",
        field: "video.thumbnail",
      }),
      requestFor(await put(dir, "cut.jpg", await truncatedJpeg()), {
        article: "content/articles/d/index.md",
      }),
    ];
    const issues = await issuesOf(requests);
    assert.deepEqual(
      issues.map((i) => [i.file, i.field]),
      [
        ["content/articles/a/index.md", "image.src"],
        ["content/articles/c/index.md", "video.thumbnail"],
        ["content/articles/d/index.md", "image.src"],
      ],
    );
  });
});

describe("options", () => {
  it("puts files under another outputSubdir when asked", async () => {
    const cacheDir = freshCache();
    const file = await put(tmp.dir, "subdir.jpg", await photo(600, 400, 18));
    const result = await ok([requestFor(file)], { cacheDir, widths: [200], outputSubdir: "img" });
    assert.ok(result.files.every((f) => f.startsWith("img/")));
    const out = join(tmp.dir, "site-img");
    await publishImages(result, out, { cacheDir, outputSubdir: "img" });
    assert.equal((await readdir(join(out, "img"))).length, result.files.length);
  });

  it("exposes one defaults factory", () => {
    assert.deepEqual(createMediaOptions().jpeg, { quality: 80 });
  });
});
