/**
 * The media module with an image CDN: every source is still read and checked as without one
 * (content sniffing, the pixel limit, a full decode), then one master per photo is written
 * (with Netlify, which has no focal point, the crops pre-cut around it) and the placeholder,
 * nothing else; masters are cached under a manifest and never trusted without it.
 */
import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import sharp from "sharp";
import { createMediaOptions } from "../../scripts/media/defaults.ts";
import { sha256 } from "../../scripts/media/hash.ts";
import { type ImageCdn, type ImageFile, processImages } from "../../scripts/media/index.ts";
import { planMasters } from "../../scripts/media/master-plan.ts";
import { planImage } from "../../scripts/media/plan.ts";
import type { MediaRequest, ProcessedImage } from "../../scripts/media/types.ts";
import { readExif, TAG } from "./exif.ts";
import {
  HTML,
  hugePngHeader,
  markedImage,
  photo,
  put,
  requestFor,
  type Scratch,
  scratch,
  truncatedJpeg,
} from "./fixtures.ts";

const NETLIFY: ImageCdn = { provider: "netlify" };
const CLOUDFLARE: ImageCdn = { provider: "cloudflare" };
const IMGIX: ImageCdn = { provider: "imgix", domain: "broadsheet.imgix.net" };

let tmp: Scratch;
let caches = 0;
before(async () => {
  tmp = await scratch();
});
after(() => tmp.cleanup());

function freshCache(): string {
  caches += 1;
  return join(tmp.dir, `cache-${caches}`);
}

async function made(requests: readonly MediaRequest[], cacheDir: string, cdn: ImageCdn) {
  const result = await processImages(requests, { cacheDir, cdn });
  if (!result.ok) assert.fail(result.issues.map((issue) => issue.message).join("\n"));
  const [image] = result.value.images.values();
  assert.ok(image);
  return { result: result.value, image };
}

function masterOf(image: ProcessedImage): ImageFile {
  const master = image.masters?.[0];
  assert.ok(master, "the image has a master");
  return master;
}

const cached = (cacheDir: string, file: ImageFile) =>
  join(cacheDir, "files", file.path.slice("media/".length));

describe("with an image CDN", () => {
  it("writes one master and the placeholder, nothing else (Cloudflare)", async () => {
    const cacheDir = freshCache();
    const file = await put(tmp.dir, "photo.jpg", await photo(3000, 2000, 7));
    const { result, image } = await made([requestFor(file)], cacheDir, CLOUDFLARE);
    const master = masterOf(image);
    assert.deepEqual(result.files, [master.path]);
    assert.deepEqual(await readdir(join(cacheDir, "files")), [master.path.slice(6)]);
    assert.match(master.path, /^media\/photo-[0-9a-f]{10}-master\.jpg$/);
    assert.deepEqual([master.width, master.height], [2560, 1707], "longest side capped at 2560");
    const meta = await sharp(cached(cacheDir, master)).metadata();
    assert.deepEqual(
      [meta.format, meta.width, meta.height, meta.space],
      ["jpeg", 2560, 1707, "srgb"],
    );
    assert.equal(sha256(await readFile(cached(cacheDir, master))), master.sha256);
    assert.match(image.placeholder, /^data:image\/webp;base64,/);
    assert.equal(result.stats.encoded, 1);
  });

  it("makes the crops Netlify cannot cut itself, around the focal point, at their sizes", async () => {
    const cacheDir = freshCache();
    const focus = [0.85, 0.15] as const;
    const file = await put(tmp.dir, "marked.jpg", await markedImage(3000, 2000, focus, 60));
    const { result, image } = await made([requestFor(file, { focus })], cacheDir, NETLIFY);
    assert.equal(result.files.length, 5, "a master and four crops");
    assert.equal((await readdir(join(cacheDir, "files"))).length, 5);
    const crops = (image.masters ?? []).slice(1);
    assert.deepEqual(
      crops.map((crop) => `${crop.width}x${crop.height}`),
      ["1200x675", "1200x900", "1200x1200", "1200x630"],
    );
    for (const crop of crops) {
      const { data, info } = await sharp(cached(cacheDir, crop))
        .raw()
        .toBuffer({ resolveWithObject: true });
      assert.deepEqual([info.width, info.height], [crop.width, crop.height], crop.path);
      let red = 0;
      for (let i = 0; i < data.length; i += info.channels) {
        if ((data[i] ?? 0) > 190 && (data[i + 1] ?? 255) < 70 && (data[i + 2] ?? 255) < 70) red++;
      }
      assert.ok(red > 100, `${crop.path} shows the focal marker (${red} red pixels)`);
    }
  });

  it("shares masters between Cloudflare and imgix: switching encodes nothing", async () => {
    const cacheDir = freshCache();
    const file = await put(tmp.dir, "shared.jpg", await photo(1800, 1200, 8));
    const first = await made([requestFor(file)], cacheDir, CLOUDFLARE);
    const second = await made([requestFor(file)], cacheDir, IMGIX);
    assert.equal(second.result.stats.encoded, 0);
    assert.deepEqual(second.result.files, first.result.files);
  });

  it("applies EXIF orientation, strips camera and GPS data, keeps the credit", async () => {
    const cacheDir = freshCache();
    const tagged = await sharp(await photo(900, 600, 15))
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({
        IFD0: { Make: "Canon", Model: "EOS R5" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "39/1 1/1 4500/100" },
      })
      .toBuffer();
    const source = await sharp(tagged).metadata();
    assert.equal(source.orientation, 6, "the source is stored sideways");
    assert.ok(readExif(source.exif ?? Buffer.alloc(0)).ifd0.has(TAG.gpsIfd), "and geotagged");
    const file = await put(tmp.dir, "tagged.jpg", tagged);
    const { image } = await made([requestFor(file, { credit: "AFP / Jane Doe" })], cacheDir, IMGIX);
    assert.deepEqual([image.width, image.height], [600, 900], "upright");
    const master = masterOf(image);
    assert.deepEqual([master.width, master.height], [600, 900]);
    const meta = await sharp(cached(cacheDir, master)).metadata();
    assert.ok(meta.orientation === undefined || meta.orientation === 1, "no rotation left");
    const exif = readExif(meta.exif ?? Buffer.alloc(0));
    assert.equal(exif.copyright, "AFP / Jane Doe");
    for (const tag of [TAG.gpsIfd, TAG.make, TAG.model])
      assert.ok(!exif.ifd0.has(tag), `0x${tag.toString(16)}`);
  });

  it("never trusts a master whose bytes are not the ones recorded: it is made again", async () => {
    const cacheDir = freshCache();
    const file = await put(tmp.dir, "damaged.jpg", await photo(1600, 1000, 9));
    const cold = masterOf((await made([requestFor(file)], cacheDir, CLOUDFLARE)).image);
    const path = cached(cacheDir, cold);
    const whole = await readFile(path);
    await writeFile(path, whole.subarray(0, whole.length / 3));
    const again = await made([requestFor(file)], cacheDir, CLOUDFLARE);
    assert.equal(again.result.stats.encoded, 1, "made again");
    assert.equal(sha256(await readFile(path)), cold.sha256, "the same bytes as before");
  });

  it("checks every source as without one: content, pixel limit and a full decode", async () => {
    const cacheDir = freshCache();
    const requests = [
      requestFor(await put(tmp.dir, "page.jpg", HTML), { article: "a/index.md" }),
      requestFor(await put(tmp.dir, "huge.png", hugePngHeader()), { article: "b/index.md" }),
      requestFor(await put(tmp.dir, "cut.jpg", await truncatedJpeg()), { article: "c/index.md" }),
    ];
    const result = await processImages(requests, { cacheDir, cdn: NETLIFY });
    assert.equal(result.ok, false);
    const issues = result.ok ? [] : result.issues;
    assert.deepEqual(issues.map((issue) => issue.file).sort(), [
      "a/index.md",
      "b/index.md",
      "c/index.md",
    ]);
    assert.match(
      issues.find((i) => i.file === "a/index.md")?.message ?? "",
      /HTML|not a photo|web page/i,
    );
    assert.match(issues.find((i) => i.file === "b/index.md")?.message ?? "", /30000|pixels/);
    assert.match(
      issues.find((i) => i.file === "c/index.md")?.message ?? "",
      /decode|damaged|premature|truncated/i,
    );
  });
});

describe("the master's size", () => {
  const identity = {
    sourceHash: "0".repeat(64),
    stem: "photo",
    focus: [0.5, 0.5] as const,
    credit: undefined,
  };
  const sizeOf = (width: number, height: number, cdn: ImageCdn = CLOUDFLARE) => {
    const planned = planMasters({ width, height }, identity, { ...createMediaOptions(), cdn });
    assert.ok("plan" in planned);
    return `${planned.plan.master.width}x${planned.plan.master.height}`;
  };

  it("caps the longest side at 2560 px, never enlarging a smaller source", () => {
    assert.equal(sizeOf(3000, 2000), "2560x1707");
    assert.equal(sizeOf(6000, 4000), "2560x1707");
    assert.equal(sizeOf(1200, 800), "1200x800");
  });

  it("keeps more when the widest candidate or a crop needs it (a tall photo, a panorama)", () => {
    // 1600 px is the widest candidate: a 2000 x 6000 portrait keeps it.
    assert.equal(sizeOf(2000, 6000), "1600x4800");
    // The 1200 x 1200 crop of an 8000 x 1500 panorama needs 1200 of its 1500 rows.
    assert.equal(sizeOf(8000, 1500), "6400x1200");
  });

  it("serves the widths sharp would make, for any shape", () => {
    const options = createMediaOptions();
    for (const [width, height] of [
      [3000, 2000],
      [1000, 700],
      [2000, 6000],
      [1599, 1200],
    ] as const) {
      const planned = planMasters({ width, height }, identity, { ...options, cdn: IMGIX });
      const local = planImage({ width, height }, identity, options);
      assert.ok("plan" in planned && "plan" in local);
      const master = planned.plan.master;
      const localWidths = local.plan.variants.jpeg.map((v) => v.width);
      const widest = localWidths.at(-1) ?? 0;
      assert.ok(master.width >= widest, `${width}x${height}: master ${master.width} >= ${widest}`);
    }
  });
});
