/**
 * `npm run media-compare [-- <image>]`: Broadsheet's media module against `@11ty/eleventy-img`
 * v6 and against bare sharp, on one source image (by default the seed article's stand-in photo,
 * 3000 x 2000). In one run it measures, three rounds each (the report gives medians):
 *
 * 1. `processImages` cold (fresh cache folder): wall and CPU time, and the bytes it made, split
 *    into the responsive set (the outputs eleventy-img also makes) and the crops and placeholder.
 * 2. eleventy-img with its defaults but Broadsheet's widths and formats, cold, in a fresh child
 *    process (it memoizes in memory, and brings its own sharp 0.33): wall and CPU time, bytes.
 * 3. bare sharp making the same full set with Broadsheet's settings (`compareImageStage`), and
 *    the overhead of `processImages` over it, both timed side by side in that comparison.
 * 4. cache hits: `processImages` again on the warm cache, 20 calls on the one image, and 20 on
 *    10 copies of it that differ by one JPEG comment (so each has its own hash).
 *
 * It prints a Markdown report with the targets (at least 3x faster than eleventy-img at no more
 * bytes for the same outputs, under 10% over bare sharp, a cache hit under 2 ms per image) and
 * writes it, with the JSON, to `bench-results/media-compare-<timestamp>.md` and `.json`.
 *
 * Run it on an idle machine: the load average at the start is in the report, and above about
 * 1.2 on 2 cores the timings are inflated by someone else's work.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import sharp from "sharp";
import {
  type ComparedFormat,
  ELEVENTY_IMG_FORMATS,
  ELEVENTY_IMG_WIDTHS,
  type EleventyImgRun,
  measureEleventyImg,
} from "../bench/eleventy-img.ts";
import { compareImageStage, type ImageStageResult } from "../bench/image-stage.ts";
import { median } from "../bench/results.ts";
import {
  createMediaOptions,
  type ImageFile,
  type MediaOptions,
  type MediaRequest,
  mediaKey,
  type ProcessedImage,
  processImages,
} from "../media/index.ts";
import { ssim } from "../media/ssim.ts";

/** The repository root, from this file's place in it. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The default source: the seed article's stand-in photo, with the focus and credit of its front
 * matter, so the files measured are the very files the site publishes for it.
 */
export const STAND_IN = {
  file: "content/articles/north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says/photo.jpg",
  focus: [0.42, 0.65] as const,
  credit: "AFP",
};

/** Rounds per figure: each round measures everything once; the report gives the median. */
const ROUNDS = 3;
/** Warm calls per cache-hit figure: one call takes about a millisecond, so take many. */
const WARM_CALLS = 20;
/** Distinct copies of the source for the batch cache-hit figure. */
const COPIES = 10;
/** Widths whose SSIM is reported, as `defaults.ts` measured its settings. */
const SSIM_WIDTHS: readonly number[] = [1200, 1600];

/** The targets the figures are checked against. */
export const TARGETS = {
  /** eleventy-img's cold wall time over Broadsheet's, at least. */
  speedup: 3,
  /** processImages over bare sharp, in percent, below. */
  overheadPercent: 10,
  /** A cache hit, per image, below. */
  cacheHitMs: 2,
} as const;

/** The bytes of what `processImages` made for one image. */
export interface BroadsheetBytes {
  readonly avif: number;
  readonly webp: number;
  readonly jpeg: number;
  /** The responsive set: what eleventy-img makes too. */
  readonly responsive: number;
  /** The four JPEG crops. */
  readonly crops: number;
  /** The placeholder's WebP bytes (it is inlined as a data URI, not written as a file). */
  readonly placeholder: number;
}

/** One cold `processImages` call. */
export interface BroadsheetColdRun {
  readonly wallMs: number;
  /** CPU time of this process (every libvips thread) during the call. */
  readonly cpuMs: number;
  /** Output files in the cache (variants and crops; manifests not counted). */
  readonly files: number;
  readonly bytes: BroadsheetBytes;
}

/** Everything measured in one round. */
export interface RoundResult {
  /**
   * The 1-minute load average as the round started. It includes this run's own earlier rounds
   * (about 1 on 2 cores), so only a figure well above that points to someone else's work.
   */
  readonly loadAverage: number;
  readonly broadsheet: BroadsheetColdRun;
  readonly eleventyImg: EleventyImgRun;
  /** Bare sharp and a second cold processImages, timed back to back by `compareImageStage`. */
  readonly stage: ImageStageResult;
  /** processImages over bare sharp in that comparison, in percent. */
  readonly overheadPercent: number;
  /** Median of {@link WARM_CALLS} warm calls on the one image, in ms. */
  readonly cacheHitMs: number;
}

/** Luma SSIM of one output of each side against the source resized to its size. */
export interface QualityRow {
  readonly format: ComparedFormat;
  readonly width: number;
  readonly broadsheet: number;
  readonly eleventyImg: number;
}

/** One target, checked. */
export interface TargetRow {
  readonly target: string;
  readonly measured: string;
  readonly limit: string;
  readonly met: boolean;
}

/** The medians over the rounds. */
export interface Summary {
  readonly broadsheetMs: number;
  readonly broadsheetCpuMs: number;
  readonly broadsheetBytes: BroadsheetBytes;
  readonly eleventyImgMs: number;
  readonly eleventyImgCpuMs: number;
  readonly eleventyImgBytes: number;
  readonly eleventyImgBytesByFormat: { readonly [format in ComparedFormat]: number };
  readonly speedup: number;
  readonly bareMs: number;
  readonly stageModuleMs: number;
  readonly overheadPercent: number;
  readonly cacheHitMs: number;
  readonly cacheHitPerCopyMs?: number;
}

/** A whole run: what the JSON holds. */
export interface MediaCompareResults {
  /** ISO 8601, when the run started. */
  readonly date: string;
  readonly command: string;
  /** The source image, relative to the repository when inside it. */
  readonly image: string;
  readonly imageSize: { readonly width: number; readonly height: number; readonly bytes: number };
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly node: string;
    readonly platform: string;
    /** Broadsheet's sharp and libvips. */
    readonly sharp: string;
    readonly vips: string;
    /** eleventy-img's own (nested) sharp and libvips. */
    readonly eleventyImgSharp: string;
    readonly eleventyImgVips: string;
    readonly eleventyImg: string;
    /** The 1-, 5- and 15-minute load averages when the run started, and when it ended. */
    readonly loadAverageStart: readonly number[];
    readonly loadAverageEnd: readonly number[];
  };
  readonly broadsheetSettings: Pick<
    MediaOptions,
    "widths" | "avif" | "webp" | "jpeg" | "concurrency"
  >;
  readonly eleventyImgSettings: Pick<EleventyImgRun, "encoders" | "parallelism">;
  readonly rounds: readonly RoundResult[];
  /** The batch cache-hit figure, when the source is a JPEG (copies are made by a JPEG comment). */
  readonly copies?: {
    /** Cold processImages on the copies, once, before their hits. */
    readonly coldMs: number;
    /** Per image, one value per round. */
    readonly perImageMs: readonly number[];
  };
  readonly quality: readonly QualityRow[];
  readonly summary: Summary;
  readonly targets: readonly TargetRow[];
  readonly totalMs: number;
}

/** The image and its request, from the command line. */
function parseImage(argv: readonly string[]): MediaRequest {
  const [argument, ...rest] = argv;
  if (rest.length > 0 || argument?.startsWith("-")) {
    throw new Error("usage: npm run media-compare [-- <image>]");
  }
  const standIn = path.join(REPO_ROOT, STAND_IN.file);
  const file = argument === undefined ? standIn : path.resolve(argument);
  const isStandIn = file === standIn;
  // Another image has no front matter here: centre focus and no credit (so no EXIF is written).
  return {
    article: isStandIn ? path.join(path.dirname(STAND_IN.file), "index.md") : "media-compare",
    field: "image.src",
    file,
    focus: isStandIn ? STAND_IN.focus : [0.5, 0.5],
    ...(isStandIn ? { credit: STAND_IN.credit } : {}),
  };
}

/** The path of an output file inside the module's cache (`ImageFile.path` is site-relative). */
function cachedFile(cacheDir: string, file: ImageFile): string {
  return path.join(cacheDir, "files", path.basename(file.path));
}

/** The bytes of `files` as the cache holds them. */
function sumBytes(cacheDir: string, files: readonly ImageFile[]): number {
  return files.reduce((total, file) => total + statSync(cachedFile(cacheDir, file)).size, 0);
}

/** The bytes of one processed image, by what eleventy-img makes too and what it does not. */
function broadsheetBytes(cacheDir: string, image: ProcessedImage): BroadsheetBytes {
  const avif = sumBytes(cacheDir, image.variants.avif);
  const webp = sumBytes(cacheDir, image.variants.webp);
  const jpeg = sumBytes(cacheDir, image.variants.jpeg);
  const placeholder = Buffer.from(image.placeholder.split(",")[1] ?? "", "base64").length;
  return {
    avif,
    webp,
    jpeg,
    responsive: avif + webp + jpeg,
    crops: sumBytes(cacheDir, Object.values(image.crops)),
    placeholder,
  };
}

/** processImages, throwing on content issues: a benchmark image must go through. */
async function processOrThrow(requests: readonly MediaRequest[], cacheDir: string) {
  const result = await processImages(requests, { cacheDir });
  if (!result.ok) {
    throw new Error(`processImages refused the image: ${result.issues[0]?.message ?? "?"}`);
  }
  return result.value;
}

/** One cold processImages call into a fresh `cacheDir`: time, CPU and bytes. */
export async function measureBroadsheetCold(
  request: MediaRequest,
  cacheDir: string,
): Promise<BroadsheetColdRun> {
  rmSync(cacheDir, { recursive: true, force: true });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await processOrThrow([request], cacheDir);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const image = result.images.get(mediaKey(request));
  if (!image) throw new Error(`processImages returned no image for ${mediaKey(request)}`);
  // A cold figure that reused a cached file would time a hit, not the encoders.
  if (result.stats.encoded !== 1) throw new Error("the cold run encoded nothing");
  return {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    files: result.files.length,
    bytes: broadsheetBytes(cacheDir, image),
  };
}

/**
 * Times `calls` warm processImages calls on a filled cache, each in ms. Every call must be a
 * hit for every image, or the figure would time encodes.
 */
export async function measureCacheHits(
  requests: readonly MediaRequest[],
  cacheDir: string,
  calls: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let call = 0; call < calls; call += 1) {
    const started = performance.now();
    const result = await processOrThrow(requests, cacheDir);
    times.push(performance.now() - started);
    if (result.stats.reused !== result.stats.total) {
      throw new Error(`warm call ${call + 1} encoded ${result.stats.encoded} images`);
    }
  }
  return times;
}

/**
 * Copies of a JPEG that differ from it and from each other by one comment segment (COM) right
 * after the start-of-image marker: the same pixels, a different SHA-256, so the cache keeps a
 * manifest per copy. Empty for a source that is not a JPEG.
 */
export function writeStampedCopies(source: string, dir: string, count: number): string[] {
  const bytes = readFileSync(source);
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return [];
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: count }, (_, i) => {
    const text = Buffer.from(`media-compare copy ${i + 1}`, "latin1");
    // A segment's length counts its own two length bytes, not the marker.
    const header = Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]);
    const file = path.join(dir, `copy-${i + 1}.jpg`);
    writeFileSync(file, Buffer.concat([bytes.subarray(0, 2), header, text, bytes.subarray(2)]));
    return file;
  });
}

/** Requests for the copies, each its own article so none is folded into another. */
function copyRequests(files: readonly string[], like: MediaRequest): MediaRequest[] {
  return files.map((file, i) => ({ ...like, article: `media-compare/copy-${i + 1}`, file }));
}

/** Where round `round` keeps its files under `scratch`. */
function roundDirs(scratch: string, round: number) {
  const dir = path.join(scratch, `round-${round}`);
  return {
    broadsheetCache: path.join(dir, "broadsheet-cache"),
    eleventyImg: path.join(dir, "eleventy-img"),
    imageStage: path.join(dir, "image-stage"),
  };
}

/**
 * One round: every figure once, each in fresh folders. The folders are kept until the run ends,
 * so the quality check can read round 1's files afterwards.
 */
async function measureRound(
  request: MediaRequest,
  dirs: ReturnType<typeof roundDirs>,
): Promise<RoundResult> {
  const loadAverage = loadavg()[0] ?? 0;
  const broadsheet = await measureBroadsheetCold(request, dirs.broadsheetCache);
  const cacheHitMs = median(await measureCacheHits([request], dirs.broadsheetCache, WARM_CALLS));
  const eleventyImg = await measureEleventyImg(request.file, dirs.eleventyImg);
  const stage = await compareImageStage([request], dirs.imageStage);
  return {
    loadAverage,
    broadsheet,
    eleventyImg,
    stage,
    overheadPercent: (stage.moduleMs / stage.bareMs - 1) * 100,
    cacheHitMs,
  };
}

/**
 * The batch cache-hit figure: the copies encoded once (cold, timed for the record), then
 * {@link ROUNDS} sets of {@link WARM_CALLS} warm calls, each set's median divided by the copies.
 */
async function measureCopyHits(
  copies: readonly MediaRequest[],
  cacheDir: string,
): Promise<{ coldMs: number; perImageMs: number[] }> {
  const started = performance.now();
  await processOrThrow(copies, cacheDir);
  const coldMs = performance.now() - started;
  const perImageMs: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    perImageMs.push(median(await measureCacheHits(copies, cacheDir, WARM_CALLS)) / copies.length);
  }
  return { coldMs, perImageMs };
}

/** The luma of `input` at exactly `width` x `height`, as `scripts/media/measure.ts` compares. */
async function lumaAt(input: Buffer | string, width: number, height: number): Promise<Buffer> {
  return sharp(input, { autoOrient: true })
    .resize(width, height, { fit: "fill" })
    .greyscale()
    .raw()
    .toBuffer();
}

/**
 * SSIM of both sides' outputs at {@link SSIM_WIDTHS}, each against the source resized (Lanczos)
 * to that output's own size: equal bytes mean little if one side's pictures are softer.
 */
async function compareQuality(
  source: string,
  broadsheetCache: string,
  image: ProcessedImage,
  eleventyImg: EleventyImgRun,
  eleventyImgDir: string,
): Promise<QualityRow[]> {
  const score = async (file: string, width: number, height: number) =>
    ssim(await lumaAt(source, width, height), await lumaAt(file, width, height), width, height);
  const rows: QualityRow[] = [];
  for (const format of ELEVENTY_IMG_FORMATS) {
    for (const width of SSIM_WIDTHS) {
      const ours = image.variants[format].find((file) => file.width === width);
      const theirs = eleventyImg.outputs.find((o) => o.format === format && o.width === width);
      if (!ours || !theirs) continue;
      rows.push({
        format,
        width,
        broadsheet: await score(cachedFile(broadsheetCache, ours), ours.width, ours.height),
        eleventyImg: await score(
          path.join(eleventyImgDir, theirs.file),
          theirs.width,
          theirs.height,
        ),
      });
    }
  }
  return rows;
}

/** The median of one figure over the rounds. */
function mid(rounds: readonly RoundResult[], read: (round: RoundResult) => number): number {
  return median(rounds.map(read));
}

function summarise(rounds: readonly RoundResult[], perCopy: readonly number[]): Summary {
  const bytes = (read: (b: BroadsheetBytes) => number) =>
    mid(rounds, (r) => read(r.broadsheet.bytes));
  const elevenBytes = (format: ComparedFormat) =>
    mid(rounds, (r) => r.eleventyImg.bytesByFormat[format]);
  const broadsheetMs = mid(rounds, (r) => r.broadsheet.wallMs);
  const eleventyImgMs = mid(rounds, (r) => r.eleventyImg.wallMs);
  return {
    broadsheetMs,
    broadsheetCpuMs: mid(rounds, (r) => r.broadsheet.cpuMs),
    broadsheetBytes: {
      avif: bytes((b) => b.avif),
      webp: bytes((b) => b.webp),
      jpeg: bytes((b) => b.jpeg),
      responsive: bytes((b) => b.responsive),
      crops: bytes((b) => b.crops),
      placeholder: bytes((b) => b.placeholder),
    },
    eleventyImgMs,
    eleventyImgCpuMs: mid(rounds, (r) => r.eleventyImg.cpuMs),
    eleventyImgBytes: mid(rounds, (r) => r.eleventyImg.bytes),
    eleventyImgBytesByFormat: {
      avif: elevenBytes("avif"),
      webp: elevenBytes("webp"),
      jpeg: elevenBytes("jpeg"),
    },
    speedup: eleventyImgMs / broadsheetMs,
    bareMs: mid(rounds, (r) => r.stage.bareMs),
    stageModuleMs: mid(rounds, (r) => r.stage.moduleMs),
    overheadPercent: mid(rounds, (r) => r.overheadPercent),
    cacheHitMs: mid(rounds, (r) => r.cacheHitMs),
    ...(perCopy.length > 0 ? { cacheHitPerCopyMs: median(perCopy) } : {}),
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function ms(value: number): string {
  return value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value)} ms`;
}

function percent(value: number): string {
  return `${value >= 0 ? "+" : ""}${value.toFixed(1)}%`;
}

/** The targets, checked against the medians. */
export function checkTargets(summary: Summary): TargetRow[] {
  const { broadsheetBytes: ours } = summary;
  const hit = summary.cacheHitMs;
  const perCopy = summary.cacheHitPerCopyMs;
  return [
    {
      target: "Broadsheet cold vs eleventy-img cold, same widths and formats",
      measured: `${summary.speedup.toFixed(2)}x (${ms(summary.broadsheetMs)} vs ${ms(summary.eleventyImgMs)})`,
      limit: `≥ ${TARGETS.speedup}x faster`,
      met: summary.speedup >= TARGETS.speedup,
    },
    {
      target: "Bytes of those outputs (12 files)",
      measured: `${kb(ours.responsive)} vs ${kb(summary.eleventyImgBytes)} (${percent((ours.responsive / summary.eleventyImgBytes - 1) * 100)})`,
      limit: "≤ eleventy-img",
      met: ours.responsive <= summary.eleventyImgBytes,
    },
    {
      target: "processImages over bare sharp, cold, full set",
      measured: `${percent(summary.overheadPercent)} (${ms(summary.stageModuleMs)} vs ${ms(summary.bareMs)})`,
      limit: `< ${TARGETS.overheadPercent}%`,
      met: summary.overheadPercent < TARGETS.overheadPercent,
    },
    {
      target: "Cache hit, per image",
      measured:
        perCopy === undefined
          ? `${ms(hit)} (one image)`
          : `${ms(hit)} (one image), ${ms(perCopy)} (each of ${COPIES} copies)`,
      limit: `< ${TARGETS.cacheHitMs} ms`,
      met: Math.max(hit, perCopy ?? 0) < TARGETS.cacheHitMs,
    },
  ];
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** "a, b, c" of one figure's per-round values. */
function runs(rounds: readonly RoundResult[], read: (round: RoundResult) => number): string {
  return rounds.map((round) => ms(read(round))).join(", ");
}

function timingTable(results: MediaCompareResults): string {
  const { rounds, summary: s } = results;
  const rows: string[][] = [
    [
      "Broadsheet `processImages`, cold: 12 variants + 4 crops + placeholder",
      ms(s.broadsheetMs),
      ms(s.broadsheetCpuMs),
      runs(rounds, (r) => r.broadsheet.wallMs),
    ],
    [
      `eleventy-img ${results.machine.eleventyImg}, cold: 12 variants`,
      ms(s.eleventyImgMs),
      ms(s.eleventyImgCpuMs),
      runs(rounds, (r) => r.eleventyImg.wallMs),
    ],
    [
      "Bare sharp, Broadsheet's settings, same full set (`compareImageStage`)",
      ms(s.bareMs),
      "",
      runs(rounds, (r) => r.stage.bareMs),
    ],
    [
      "`processImages`, cold, right after it (same comparison)",
      ms(s.stageModuleMs),
      "",
      runs(rounds, (r) => r.stage.moduleMs),
    ],
    [
      `Cache hit, one image (median of ${WARM_CALLS} calls)`,
      ms(s.cacheHitMs),
      "",
      runs(rounds, (r) => r.cacheHitMs),
    ],
  ];
  if (s.cacheHitPerCopyMs !== undefined && results.copies) {
    rows.push([
      `Cache hit, per image, ${COPIES} copies in one call (median of ${WARM_CALLS} calls)`,
      ms(s.cacheHitPerCopyMs),
      "",
      results.copies.perImageMs.map(ms).join(", "),
    ]);
  }
  return table(["Measure", "Wall (median)", "CPU (median)", "Rounds"], rows);
}

function bytesTable(summary: Summary): string {
  const ours = summary.broadsheetBytes;
  const theirs = summary.eleventyImgBytesByFormat;
  const versus = (a: number, b: number) => percent((a / b - 1) * 100);
  const row = (label: string, a: number, b: number) => [label, kb(a), kb(b), versus(a, b)];
  return table(
    ["Output", "Broadsheet", "eleventy-img", "Difference"],
    [
      row("AVIF, 4 widths", ours.avif, theirs.avif),
      row("WebP, 4 widths", ours.webp, theirs.webp),
      row("JPEG, 4 widths", ours.jpeg, theirs.jpeg),
      row("**(a) Responsive set, 12 files**", ours.responsive, summary.eleventyImgBytes),
      ["(b) Crops, 4 JPEGs", kb(ours.crops), "not made", ""],
      ["(b) Placeholder, WebP inlined as a data URI", `${ours.placeholder} B`, "not made", ""],
      [
        "Everything made",
        kb(ours.responsive + ours.crops + ours.placeholder),
        kb(summary.eleventyImgBytes),
        "",
      ],
    ],
  );
}

function settingsTable(results: MediaCompareResults): string {
  const b = results.broadsheetSettings;
  const e = results.eleventyImgSettings.encoders;
  const p = results.eleventyImgSettings.parallelism;
  const m = results.machine;
  return table(
    [
      "",
      `Broadsheet (sharp ${m.sharp}, libvips ${m.vips})`,
      `eleventy-img ${m.eleventyImg} defaults (sharp ${m.eleventyImgSharp}, libvips ${m.eleventyImgVips})`,
    ],
    [
      [
        "AVIF",
        `q${b.avif.quality}, effort ${b.avif.effort}, ${b.avif.chromaSubsampling}`,
        `q${e.avif.quality}, effort ${e.avif.effort}, ${e.avif.chroma}`,
      ],
      [
        "WebP",
        `q${b.webp.quality}, effort ${b.webp.effort}`,
        `q${e.webp.quality}, effort ${e.webp.effort}`,
      ],
      [
        "JPEG",
        `q${b.jpeg.quality}, mozjpeg, progressive`,
        `q${e.jpeg.quality}, ${e.jpeg.mozjpeg ? "mozjpeg" : "libjpeg-turbo"}, ${e.jpeg.progressive ? "progressive" : "baseline"}`,
      ],
      [
        "Metadata",
        "no ICC profile; EXIF Copyright when there is a credit",
        "the source's ICC profile (if any) kept in every file",
      ],
      [
        "Decoding",
        "once per image, to a working size; every file cut from those pixels",
        "once per output file (a clone of the input pipeline each)",
      ],
      [
        "Parallelism",
        `${b.concurrency} pipelines at once, 1 libvips thread each`,
        `every file of the image queued at once; ${p.uvThreadpool} run (libuv pool), ${p.vipsThreads} libvips thread(s) each`,
      ],
    ],
  );
}

function qualityTable(rows: readonly QualityRow[]): string {
  return table(
    ["Format", "Width", "Broadsheet SSIM", "eleventy-img SSIM"],
    rows.map((row) => [
      row.format,
      String(row.width),
      row.broadsheet.toFixed(4),
      row.eleventyImg.toFixed(4),
    ]),
  );
}

/** The whole report, as Markdown. */
export function formatReport(results: MediaCompareResults): string {
  const m = results.machine;
  const load = (values: readonly number[]) => values.map((v) => v.toFixed(2)).join(", ");
  const targets = table(
    ["Target", "Measured (median of 3)", "Limit", "Met"],
    results.targets.map((t) => [t.target, t.measured, t.limit, t.met ? "yes" : "**no**"]),
  );
  const copiesCold = results.copies
    ? ` The ${COPIES} copies (the source with a different JPEG comment each) took ${ms(results.copies.coldMs)} cold, once, after the rounds.`
    : "";
  return [
    `# Media: Broadsheet vs eleventy-img vs bare sharp`,
    "",
    `${results.date} · \`${results.command}\` · ${ROUNDS} rounds, medians`,
    "",
    `Image: \`${results.image}\` (${results.imageSize.width} x ${results.imageSize.height}, ${kb(results.imageSize.bytes)})`,
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.platform}; Broadsheet's sharp ${m.sharp} (libvips ${m.vips}), eleventy-img ${m.eleventyImg}'s sharp ${m.eleventyImgSharp} (libvips ${m.eleventyImgVips}). Load average at start ${load(m.loadAverageStart)}, at end ${load(m.loadAverageEnd)}; 1-minute load as each round started: ${load(results.rounds.map((r) => r.loadAverage))}.`,
    "",
    "## Targets",
    "",
    targets,
    "",
    "## Times",
    "",
    timingTable(results),
    "",
    `Broadsheet's time is for its whole set, which has 4 crops and a placeholder that eleventy-img does not make, so the speed-up is, if anything, understated. eleventy-img ran in a fresh process each round; its time is the \`Image()\` call alone. CPU is the process's, every thread.${copiesCold}`,
    "",
    "## Bytes",
    "",
    bytesTable(results.summary),
    "",
    "## Settings",
    "",
    settingsTable(results),
    "",
    "## Quality (luma SSIM against the source resized to each file's size)",
    "",
    qualityTable(results.quality),
    "",
  ].join("\n");
}

/** Writes the report and the JSON to `dir`, named by the run's start time. */
export function writeResults(
  dir: string,
  results: MediaCompareResults,
): { markdown: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, "-").replace(/-\d{3}Z$/, "Z");
  const base = path.join(dir, `media-compare-${stamp}`);
  writeFileSync(`${base}.md`, formatReport(results));
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  return { markdown: `${base}.md`, json: `${base}.json` };
}

/** Refuses to compare different sets: the widths must be the module's own. */
function checkSameWidths(options: MediaOptions): void {
  if (options.widths.join() !== ELEVENTY_IMG_WIDTHS.join()) {
    throw new Error(
      `Broadsheet's widths [${options.widths.join(", ")}] are not the ones given to eleventy-img [${ELEVENTY_IMG_WIDTHS.join(", ")}]`,
    );
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const date = new Date().toISOString();
  // Taken before anything runs: the load others put on the machine, not ours.
  const loadAverageStart = loadavg();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if ((loadAverageStart[0] ?? 0) > 1.2) {
    log(
      `load average ${loadAverageStart[0]?.toFixed(2)}: the machine is busy, times will be inflated`,
    );
  }
  const request = parseImage(process.argv.slice(2));
  const options = createMediaOptions();
  checkSameWidths(options);
  const meta = await sharp(request.file, { autoOrient: true }).metadata();
  const scratch = mkdtempSync(path.join(tmpdir(), "broadsheet-media-compare-"));
  try {
    const rounds: RoundResult[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      log(`round ${round} of ${ROUNDS}`);
      rounds.push(await measureRound(request, roundDirs(scratch, round)));
    }
    // After the rounds, so the copies' cold encodes share the machine with no timed figure.
    const copyFiles = writeStampedCopies(request.file, path.join(scratch, "copies"), COPIES);
    if (copyFiles.length > 0) log(`cache hits on ${copyFiles.length} copies`);
    const copies =
      copyFiles.length > 0
        ? await measureCopyHits(
            copyRequests(copyFiles, request),
            path.join(scratch, "copies-cache"),
          )
        : undefined;
    log("comparing quality");
    const first = rounds[0] as RoundResult;
    const firstDirs = roundDirs(scratch, 1);
    // A warm call on round 1's cache: the ProcessedImage names its files.
    const firstImage = (await processOrThrow([request], firstDirs.broadsheetCache)).images.get(
      mediaKey(request),
    ) as ProcessedImage;
    const quality = await compareQuality(
      request.file,
      firstDirs.broadsheetCache,
      firstImage,
      first.eleventyImg,
      firstDirs.eleventyImg,
    );
    const summary = summarise(rounds, copies?.perImageMs ?? []);
    const inside = !path.relative(REPO_ROOT, request.file).startsWith("..");
    const results: MediaCompareResults = {
      date,
      command: [
        "npm run media-compare",
        ...(process.argv.length > 2 ? ["--", ...process.argv.slice(2)] : []),
      ].join(" "),
      image: inside ? path.relative(REPO_ROOT, request.file) : request.file,
      imageSize: {
        width: meta.autoOrient?.width ?? meta.width ?? 0,
        height: meta.autoOrient?.height ?? meta.height ?? 0,
        bytes: statSync(request.file).size,
      },
      machine: {
        cpu: cpus()[0]?.model.trim() ?? "unknown",
        cores: availableParallelism(),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        sharp: sharp.versions.sharp ?? "unknown",
        vips: sharp.versions.vips,
        eleventyImgSharp: first.eleventyImg.sharp.sharp,
        eleventyImgVips: first.eleventyImg.sharp.vips,
        eleventyImg: first.eleventyImg.version,
        loadAverageStart,
        loadAverageEnd: loadavg(),
      },
      broadsheetSettings: {
        widths: options.widths,
        avif: options.avif,
        webp: options.webp,
        jpeg: options.jpeg,
        concurrency: options.concurrency,
      },
      eleventyImgSettings: {
        encoders: first.eleventyImg.encoders,
        parallelism: first.eleventyImg.parallelism,
      },
      rounds,
      ...(copies ? { copies } : {}),
      quality,
      summary,
      targets: checkTargets(summary),
      totalMs: performance.now() - started,
    };
    const written = writeResults(path.join(REPO_ROOT, "bench-results"), results);
    process.stdout.write(`${formatReport(results)}\n`);
    log(
      `wrote ${path.relative(process.cwd(), written.markdown)} and ${path.relative(process.cwd(), written.json)}`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
