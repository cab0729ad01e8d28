/**
 * The pure arithmetic of the media module: widths, crop boxes, options, names, sniffing,
 * progress and the pool. No image is encoded here.
 */
import assert from "node:assert/strict";
import { availableParallelism } from "node:os";
import { describe, it } from "node:test";
import { cropPlan, normaliseFocus, scaleBox } from "../../scripts/media/crops.ts";
import { createMediaOptions } from "../../scripts/media/defaults.ts";
import { fileStem, isOutputName, outputName } from "../../scripts/media/naming.ts";
import { planImage, workingScale } from "../../scripts/media/plan.ts";
import { createLimiter, forEachLimited } from "../../scripts/media/pool.ts";
import { formatProgress, ProgressCounter } from "../../scripts/media/progress.ts";
import { sniffFormat } from "../../scripts/media/sniff.ts";
import { decoderDetail, undecodable } from "../../scripts/media/source-issues.ts";
import type { CropSize, MediaProgress } from "../../scripts/media/types.ts";
import { variantSizes } from "../../scripts/media/variants.ts";
import { gif, HTML, heicHeader, hugePngHeader, photo, SVG } from "./fixtures.ts";

const CROPS: Record<string, CropSize> = {
  "16x9": { width: 1200, height: 675 },
  "4x3": { width: 1200, height: 900 },
  "1x1": { width: 1200, height: 1200 },
  social: { width: 1200, height: 630 },
};

const FOCI: readonly (readonly [number, number])[] = [
  [0, 0],
  [1, 1],
  [0, 1],
  [1, 0],
  [0.5, 0.5],
  [0.5, 0.35],
  [0.1, 0.9],
  [0.97, 0.03],
];

const SOURCES = [
  { width: 3000, height: 2000 },
  { width: 1700, height: 1100 },
  { width: 2000, height: 3000 },
  { width: 500, height: 333 },
  { width: 1200, height: 1200 },
  { width: 9000, height: 1000 },
  { width: 333, height: 2000 },
];

describe("variant widths", () => {
  const widths = [400, 800, 1200, 1600];

  it("uses every default width for a source wider than the largest", () => {
    const sizes = variantSizes({ width: 3000, height: 2000 }, widths);
    assert.deepEqual(sizes, [
      { width: 400, height: 267 },
      { width: 800, height: 533 },
      { width: 1200, height: 800 },
      { width: 1600, height: 1067 },
    ]);
  });

  it("never upscales: drops larger widths and ends with the source's own width", () => {
    const sizes = variantSizes({ width: 1000, height: 500 }, widths);
    assert.deepEqual(
      sizes.map((s) => s.width),
      [400, 800, 1000],
    );
    assert.deepEqual(
      variantSizes({ width: 300, height: 200 }, widths).map((s) => s.width),
      [300],
    );
  });

  it("does not list a width twice when the source is exactly one of them", () => {
    assert.deepEqual(
      variantSizes({ width: 1200, height: 800 }, widths).map((s) => s.width),
      [400, 800, 1200],
    );
  });
});

describe("crops around the focal point", () => {
  for (const source of SOURCES) {
    for (const [name, target] of Object.entries(CROPS)) {
      it(`${name} of ${source.width} x ${source.height}: inside the source, exact ratio, focal point inside`, () => {
        for (const focus of FOCI) {
          const plan = cropPlan(source, target, focus);
          assert.ok(plan, "a plan");
          const { box } = plan;
          assert.ok(box.left >= 0 && box.top >= 0, "box starts inside");
          assert.ok(box.left + box.width <= source.width, "box ends inside (x)");
          assert.ok(box.top + box.height <= source.height, "box ends inside (y)");
          const fx = focus[0] * source.width;
          const fy = focus[1] * source.height;
          assert.ok(fx >= box.left && fx <= box.left + box.width, `focus x in box for ${focus}`);
          assert.ok(fy >= box.top && fy <= box.top + box.height, `focus y in box for ${focus}`);
          // The written size has exactly the target's ratio and never exceeds the box.
          assert.equal(plan.width * target.height, plan.height * target.width, "exact ratio");
          assert.ok(plan.width <= box.width && plan.width <= target.width, "no upscaling");
          // The box is the largest of its ratio: it touches both edges on one axis.
          assert.ok(
            box.width >= source.width - 40 || box.height >= source.height - 40,
            "largest rectangle (within one ratio unit)",
          );
        }
      });
    }
  }

  it("writes full-size crops when the source is large enough: 1200 x 675, 900, 1200, 630", () => {
    const source = { width: 3000, height: 2000 };
    for (const target of Object.values(CROPS)) {
      const plan = cropPlan(source, target, [0.5, 0.35]);
      assert.deepEqual(plan && { width: plan.width, height: plan.height }, target);
      assert.ok(target.width * target.height >= 50_000, "Google's 50,000 pixel minimum");
    }
  });

  it("centres on the focal point when the edges allow", () => {
    const plan = cropPlan({ width: 3000, height: 2000 }, CROPS["1x1"] as CropSize, [0.5, 0.5]);
    assert.deepEqual(plan?.box, { left: 500, top: 0, width: 2000, height: 2000 });
    const right = cropPlan({ width: 3000, height: 2000 }, CROPS["1x1"] as CropSize, [0.9, 0.5]);
    assert.equal(right?.box.left, 1000, "pushed against the right edge");
  });

  it("cuts a small source at its largest exact-ratio size, without upscaling", () => {
    const source = { width: 500, height: 333 };
    const sizes = Object.fromEntries(
      Object.entries(CROPS).map(([name, target]) => {
        const plan = cropPlan(source, target, [0.5, 0.5]);
        return [name, plan && `${plan.width}x${plan.height}`];
      }),
    );
    assert.deepEqual(sizes, {
      "16x9": "496x279",
      "4x3": "444x333",
      "1x1": "333x333",
      social: "480x252",
    });
  });

  it("has no crop for a source smaller than one unit of the ratio", () => {
    assert.equal(
      cropPlan({ width: 30, height: 20 }, CROPS.social as CropSize, [0.5, 0.5]),
      undefined,
    );
  });

  it("clamps an out-of-range focus and centres a missing one", () => {
    assert.deepEqual(normaliseFocus([1.5, -0.2]), [1, 0]);
    assert.deepEqual(normaliseFocus([Number.NaN, 0.3]), [0.5, 0.3]);
  });

  it("maps boxes into a scaled working image and keeps them inside it", () => {
    const box = scaleBox({ left: 999, top: 0, width: 2001, height: 2000 }, 0.6, {
      width: 1800,
      height: 1200,
    });
    assert.ok(box.left + box.width <= 1800 && box.top + box.height <= 1200);
    assert.equal(box.width, 1800 - box.left);
  });
});

describe("image plan", () => {
  const identity = {
    sourceHash: "a".repeat(64),
    stem: "photo",
    focus: [0.5, 0.35] as const,
    credit: "AFP",
  };

  it("decodes a 3000 x 2000 source at the smallest size that serves every output", () => {
    const planned = planImage({ width: 3000, height: 2000 }, identity, createMediaOptions());
    assert.ok("plan" in planned);
    // The 1x1 crop needs 1200 of the 2000 source rows: scale 0.6.
    assert.deepEqual(planned.plan.work, { width: 1800, height: 1200 });
    assert.equal(
      workingScale({ width: 3000, height: 2000 }, 1600, [
        { box: { left: 0, top: 0, width: 2000, height: 2000 }, width: 1200 },
      ]),
      0.6,
    );
  });

  it("keeps variant names when only the focus changes, and changes crop names", () => {
    const options = createMediaOptions();
    const a = planImage({ width: 3000, height: 2000 }, identity, options);
    const b = planImage({ width: 3000, height: 2000 }, { ...identity, focus: [0.2, 0.8] }, options);
    assert.ok("plan" in a && "plan" in b);
    assert.deepEqual(
      a.plan.variants.avif.map((v) => v.name),
      b.plan.variants.avif.map((v) => v.name),
    );
    assert.notEqual(a.plan.crops["1x1"].name, b.plan.crops["1x1"].name);
  });

  it("changes every name when a setting that shapes the bytes changes", () => {
    const a = planImage({ width: 3000, height: 2000 }, identity, createMediaOptions());
    const b = planImage(
      { width: 3000, height: 2000 },
      identity,
      createMediaOptions({ avif: { quality: 70, effort: 2, chromaSubsampling: "4:2:0" } }),
    );
    assert.ok("plan" in a && "plan" in b);
    assert.notEqual(a.plan.variants.avif[0]?.name, b.plan.variants.avif[0]?.name);
    assert.equal(a.plan.variants.jpeg[0]?.name, b.plan.variants.jpeg[0]?.name, "JPEG untouched");
  });
});

describe("options", () => {
  it("has the documented defaults", () => {
    const options = createMediaOptions();
    assert.deepEqual(options.widths, [400, 800, 1200, 1600]);
    assert.equal(options.failOn, "warning");
    assert.equal(options.limitInputPixels, 100_000_000);
    assert.equal(options.outputSubdir, "media");
    assert.equal(options.concurrency, availableParallelism());
    assert.ok(options.cacheDir.endsWith(".cache/media"));
    assert.deepEqual(options.allowedFormats, ["jpeg", "png", "webp", "avif", "tiff"]);
  });

  it("bounds concurrency by the CPU count", () => {
    assert.equal(createMediaOptions({ concurrency: 512 }).concurrency, availableParallelism());
    assert.equal(createMediaOptions({ concurrency: 0 }).concurrency, 1);
  });

  it("refuses widths that are not ascending positive integers", () => {
    assert.throws(() => createMediaOptions({ widths: [800, 400] }), RangeError);
    assert.throws(() => createMediaOptions({ widths: [] }), RangeError);
    assert.throws(() => createMediaOptions({ widths: [400.5] }), RangeError);
    assert.throws(() => createMediaOptions({ outputSubdir: "../escape" }), RangeError);
  });
});

describe("names", () => {
  it("are readable and carry the hash", () => {
    assert.equal(fileStem("/x/Kim Jong-Un at Desk (AFP).JPG"), "kim-jong-un-at-desk-afp");
    assert.equal(fileStem("/x/Überfall_Straße.jpg"), "uberfall-strasse");
    assert.equal(fileStem("/x/東京.jpg"), "image");
    const name = outputName("photo", "3f9a1c2b7d", 800, "avif");
    assert.equal(name, "photo-3f9a1c2b7d-800.avif");
    assert.ok(isOutputName(name));
    assert.ok(isOutputName(outputName("photo", "3f9a1c2b7d", "social", "jpeg")));
    assert.ok(!isOutputName("../etc/passwd"));
  });
});

describe("format sniffing ignores the file name", () => {
  it("recognises images and impostors by their bytes", async () => {
    assert.equal(sniffFormat(await photo(64, 48)), "jpeg");
    assert.equal(sniffFormat(hugePngHeader(10, 10)), "png");
    assert.equal(sniffFormat(await gif()), "gif");
    assert.equal(sniffFormat(Buffer.from(SVG)), "svg");
    assert.equal(sniffFormat(Buffer.from(`\uFEFF  ${SVG}`)), "svg");
    assert.equal(sniffFormat(Buffer.from(HTML)), "html");
    assert.equal(sniffFormat(Buffer.from("Photo to follow from the desk.\n")), "text");
    assert.equal(sniffFormat(heicHeader()), "heic");
    assert.equal(sniffFormat(Buffer.from([0x00, 0x9f, 0x33, 0xff, 0x00])), "unknown");
  });
});

describe("progress", () => {
  it("formats one line for the build log", () => {
    const line = formatProgress({ done: 12, total: 40, reused: 9, encoded: 3, elapsedMs: 3240 });
    assert.equal(line, "images 12/40 · 9 reused · 3 encoded · 3.2 s");
  });

  it("counts each finished image", () => {
    const seen: MediaProgress[] = [];
    const counter = new ProgressCounter(3, (p) => seen.push(p));
    counter.finish("reused");
    counter.finish("encoded");
    counter.finish("failed");
    assert.deepEqual(
      seen.map(({ done, reused, encoded }) => [done, reused, encoded]),
      [
        [1, 1, 0],
        [2, 1, 1],
        [3, 1, 1],
      ],
    );
  });
});

describe("pool", () => {
  it("never runs more than its limit at once", async () => {
    const limiter = createLimiter(2);
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        limiter.run(async () => {
          active += 1;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setTimeout(resolve, 2));
          active -= 1;
        }),
      ),
    );
    assert.equal(peak, 2);
  });

  it("stops starting work after an error and waits for work in flight", async () => {
    const started: number[] = [];
    let finished = 0;
    await assert.rejects(
      forEachLimited([0, 1, 2, 3, 4, 5], 2, async (item) => {
        started.push(item);
        await new Promise((resolve) => setTimeout(resolve, 5));
        finished += 1;
        if (item === 1) throw new Error("boom");
      }),
      /boom/,
    );
    assert.equal(finished, started.length, "nothing still running after the rejection");
    assert.ok(started.length < 6, "did not start everything");
  });
});

describe("decoder messages", () => {
  const request = {
    article: "content/articles/x/index.md",
    field: "image.src",
    file: `${process.cwd()}/content/articles/x/photo.avif`,
    focus: [0.5, 0.5],
  } as const;

  it("keeps libvips' own words but drops its noise", () => {
    const heif =
      "source: bad seek to 29840\nsource: bad seek to 22442\nheif: Invalid input: Unexpected end of file: Extent in iloc box references data outside of file bounds (points to file position 250)\n";
    const detail = decoderDetail(heif);
    assert.ok(!detail.includes("bad seek"));
    assert.ok(detail.length <= 160);
    assert.match(
      undecodable(request, heif).message,
      /^content\/articles\/x\/photo\.avif is cut short/,
    );
  });

  it("tells corruption from truncation in libjpeg's wording", () => {
    const corrupt = "VipsJpeg: Corrupt JPEG data: premature end of data segment";
    assert.match(
      undecodable(request, corrupt).message,
      /is damaged: its image data is corrupt \(Corrupt JPEG data/,
    );
    const cut = "VipsJpeg: premature end of JPEG image";
    assert.match(undecodable(request, cut).message, /is cut short/);
    const tiff =
      "Warning treated as error due to failOn setting\nCorrupt JPEG data: 415 extraneous bytes before marker 0xd9\nerror in tile 0 x 0";
    assert.equal(
      decoderDetail(tiff),
      "Corrupt JPEG data: 415 extraneous bytes before marker 0xd9; error in tile 0 x 0",
    );
  });
});
