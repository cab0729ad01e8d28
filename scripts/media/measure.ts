/**
 * Measures encoder settings on one photo and prints Markdown tables: the evidence behind the
 * defaults in `defaults.ts`.
 *
 *   node --import tsx scripts/media/measure.ts [image] [--quick]
 *
 * Without an image it uses the seed article's photo if present, else a 3000 x 2000 photo-like
 * image made on the spot. `--quick` skips the slow AVIF rows (sharp's default effort 4).
 *
 * Times are one encode at a time with one libvips thread, as the build runs them (the build
 * runs one per core side by side); the median of three runs, or one run when an encode takes
 * over a second. SSIM compares each file's luminance with a Lanczos-resized reference.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import sharp, { type Sharp } from "sharp";
import { configureSharp, decodeWorking, type WorkingImage } from "./decode.ts";
import { createMediaOptions } from "./defaults.ts";
import { encodeAs } from "./encode.ts";
import { inspectSource } from "./probe.ts";
import { processImages } from "./process.ts";
import { ssim } from "./ssim.ts";
import { syntheticPhoto } from "./synthetic.ts";
import type { MediaOptions, MediaRequest, MediaResult } from "./types.ts";
import { heightAt, type Size } from "./variants.ts";

const SEED_PHOTO =
  "content/articles/north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says/photo.jpg";

interface Candidate {
  readonly label: string;
  readonly slow?: boolean;
  readonly encode: (pipeline: Sharp) => Sharp;
}

interface Cell {
  readonly ms: number;
  readonly bytes: number;
  readonly ssim: number;
}

/** Rows of the main table. The module's own settings come first, built by the module's code. */
function candidates(defaults: MediaOptions): Candidate[] {
  const avif = (quality: number, effort: number, chromaSubsampling: "4:2:0" | "4:4:4") =>
    ({
      label: `AVIF q${quality} effort ${effort} ${chromaSubsampling}`,
      slow: effort >= 4,
      encode: (p: Sharp) => p.avif({ quality, effort, chromaSubsampling }),
    }) satisfies Candidate;
  const webp = (quality: number, effort: number) =>
    ({
      label: `WebP q${quality} effort ${effort}`,
      encode: (p: Sharp) => p.webp({ quality, effort }),
    }) satisfies Candidate;
  const jpeg = (quality: number, mozjpeg: boolean) =>
    ({
      label: `JPEG ${mozjpeg ? "mozjpeg" : "libjpeg progressive"} q${quality}`,
      encode: (p: Sharp) => p.jpeg({ quality, mozjpeg, progressive: true }),
    }) satisfies Candidate;
  const { avif: a, webp: w, jpeg: j } = defaults;
  return [
    {
      label: `**AVIF q${a.quality} effort ${a.effort} ${a.chromaSubsampling} (chosen)**`,
      encode: (p) => encodeAs(p, "avif", defaults),
    },
    { ...avif(50, 4, "4:4:4"), label: "AVIF q50 effort 4 4:4:4 (sharp's default)" },
    avif(a.quality, 4, "4:2:0"),
    avif(a.quality, 3, "4:2:0"),
    avif(a.quality, 2, "4:4:4"),
    avif(50, 2, "4:2:0"),
    avif(64, 2, "4:2:0"),
    {
      label: `**WebP q${w.quality} effort ${w.effort} (chosen)**`,
      encode: (p) => encodeAs(p, "webp", defaults),
    },
    webp(75, 4),
    webp(85, 4),
    webp(w.quality, 2),
    webp(w.quality, 6),
    {
      label: `**JPEG mozjpeg q${j.quality} (chosen)**`,
      encode: (p) => encodeAs(p, "jpeg", defaults),
    },
    jpeg(75, true),
    jpeg(85, true),
    jpeg(80, false),
  ];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function fromRaw(image: WorkingImage): Sharp {
  return sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: image.channels },
  });
}

async function greyscale(input: Sharp): Promise<Buffer> {
  return input.greyscale().raw().toBuffer();
}

/** Encodes one width with one candidate: median time, bytes and SSIM against `reference`. */
async function measureCell(
  image: WorkingImage,
  size: Size,
  candidate: Candidate,
  reference: Buffer,
): Promise<Cell> {
  const times: number[] = [];
  let output = Buffer.alloc(0);
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    output = await candidate
      .encode(fromRaw(image).resize(size.width, size.height, { fit: "fill" }))
      .toBuffer();
    times.push(performance.now() - started);
    if (times[0] !== undefined && times[0] > 1000) break;
  }
  const decoded = await greyscale(sharp(output));
  return {
    ms: median(times),
    bytes: output.length,
    ssim: ssim(reference, decoded, size.width, size.height),
  };
}

function formatCell(cell: Cell): string {
  return `${Math.round(cell.ms)} ms · ${(cell.bytes / 1024).toFixed(0)} KB · ${cell.ssim.toFixed(4)}`;
}

async function encoderTable(image: WorkingImage, options: MediaOptions, quick: boolean) {
  const sizes = options.widths.map((width) => ({ width, height: heightAt(image, width) }));
  const references = await Promise.all(
    sizes.map((size) => greyscale(fromRaw(image).resize(size.width, size.height, { fit: "fill" }))),
  );
  const lines = [
    `| setting | ${sizes.map((s) => `${s.width} px`).join(" | ")} | all widths |`,
    `| --- | ${sizes.map(() => "---:").join(" | ")} | ---: |`,
  ];
  for (const candidate of candidates(options)) {
    if (quick && candidate.slow) continue;
    const cells: Cell[] = [];
    for (const [i, size] of sizes.entries()) {
      cells.push(await measureCell(image, size, candidate, references[i] ?? Buffer.alloc(0)));
    }
    const totalMs = cells.reduce((sum, c) => sum + c.ms, 0);
    const totalBytes = cells.reduce((sum, c) => sum + c.bytes, 0);
    lines.push(
      `| ${candidate.label} | ${cells.map(formatCell).join(" | ")} | ${Math.round(totalMs)} ms · ${(totalBytes / 1024).toFixed(0)} KB |`,
    );
    console.error(`measured ${candidate.label}`);
  }
  return lines.join("\n");
}

/** Decoding once and resizing from memory, against decoding the source again for every file. */
async function decodeTable(bytes: Buffer, source: Size, options: MediaOptions): Promise<string> {
  const sizes = options.widths.map((width) => ({ width, height: heightAt(source, width) }));
  const formats = ["avif", "webp", "jpeg"] as const;
  const perOutput = async () => {
    for (const format of formats) {
      for (const size of sizes) {
        const pipeline = sharp(bytes, { autoOrient: true }).resize(size.width, size.height, {
          fit: "fill",
        });
        await encodeAs(pipeline, format, options).toBuffer();
      }
    }
  };
  const once = async () => {
    const largest = sizes.at(-1) ?? source;
    const work = await decodeWorking(bytes, source, largest, options);
    for (const format of formats) {
      for (const size of sizes) {
        const pipeline = fromRaw(work).resize(size.width, size.height, { fit: "fill" });
        await encodeAs(pipeline, format, options).toBuffer();
      }
    }
  };
  const time = async (run: () => Promise<void>) => {
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      await run();
      times.push(performance.now() - started);
    }
    return Math.round(median(times));
  };
  return [
    `| ${sizes.length * formats.length} variants, one at a time | ms |`,
    "| --- | ---: |",
    `| decode the source again for every file | ${await time(perOutput)} |`,
    `| decode once, resize every file from memory | ${await time(once)} |`,
  ].join("\n");
}

/** The whole module, as the build calls it: cold (empty cache), then warm. */
async function fullSetTable(file: string): Promise<string> {
  const cacheDir = await mkdtemp(join(tmpdir(), "broadsheet-measure-"));
  // Distinct credits make distinct images (each its own files and manifest) from one photo.
  const requests = (count: number, batch: string): MediaRequest[] =>
    Array.from({ length: count }, (_, i) => ({
      article: `content/articles/measure-${batch}-${i}/index.md`,
      field: "image.src",
      file,
      focus: [0.5, 0.35],
      credit: `Broadsheet ${batch} ${i}`,
    }));
  const run = async (batch: readonly MediaRequest[]) => {
    const result = await processImages(batch, { cacheDir });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
    return result.value;
  };
  const row = (label: string, result: MediaResult, ms = result.stats.ms) =>
    `| ${label} | ${ms} | ${(ms / result.stats.total).toFixed(1)} | ${result.stats.encoded} | ${result.stats.reused} | ${result.files.length} |`;
  try {
    const one = requests(1, "single");
    const cold = await run(one);
    const warmTimes: number[] = [];
    let warm = cold;
    for (let i = 0; i < 20; i += 1) {
      warm = await run(one);
      warmTimes.push(warm.stats.ms);
    }
    const ten = requests(10, "batch");
    const coldTen = await run(ten);
    const warmTen = await run(ten);
    return [
      `| processImages, concurrency ${createMediaOptions().concurrency} | ms | ms per image | encoded | reused | files |`,
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      row("1 image, cold (empty cache)", cold),
      row("1 image, warm (median of 20 runs)", warm, median(warmTimes)),
      row("10 images, cold", coldTen),
      row("10 images, warm", warmTen),
    ].join("\n");
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

async function sourceFile(argument: string | undefined): Promise<string> {
  if (argument) return argument;
  if (existsSync(SEED_PHOTO)) return SEED_PHOTO;
  const dir = await mkdtemp(join(tmpdir(), "broadsheet-photo-"));
  const path = join(dir, "synthetic-3000x2000.jpg");
  await writeFile(path, await syntheticPhoto({ width: 3000, height: 2000 }));
  console.error(`no image given: using a synthetic photo-like JPEG, ${path}`);
  return path;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const file = await sourceFile(args.find((arg) => !arg.startsWith("--")));
  const options = createMediaOptions();
  configureSharp();
  const bytes = await readFile(file);
  const inspected = await inspectSource(
    bytes,
    { article: "measure", field: "image.src", file, focus: [0.5, 0.5] },
    options,
  );
  if (!inspected.ok) throw new Error(inspected.issues.map((i) => i.message).join("\n"));
  const source = inspected.value;
  const image = await decodeWorking(bytes, source, source, options);
  console.log(
    `## Encoder settings: ${file} (${source.width} x ${source.height}, ${Math.round(bytes.length / 1024)} KB)`,
  );
  console.log(
    `\nsharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, ${availableParallelism()} cores; each cell: median encode time · size · SSIM (luma)\n`,
  );
  console.log(await encoderTable(image, options, quick));
  console.log("\n## Decode once or per file (chosen settings, 4 widths x 3 formats)\n");
  console.log(await decodeTable(bytes, source, options));
  console.log("\n## The full set per image (4 widths x 3 formats, 4 crops, placeholder)\n");
  console.log(await fullSetTable(file));
  console.log(`\npeak resident memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

await main();
