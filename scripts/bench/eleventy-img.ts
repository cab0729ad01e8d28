/**
 * `@11ty/eleventy-img` (v6) on one image, with its defaults except the widths and formats
 * Broadsheet makes: the baseline of `npm run media-compare`.
 *
 * Each measurement runs in a fresh child process, for two reasons. eleventy-img memoizes results
 * in memory, so a second call in one process would measure its cache, not its encoders. And it
 * brings its own sharp (0.33, nested under its folder), whose libvips must not share a process
 * with Broadsheet's sharp 0.35: two libvips builds in one address space would be a test of the
 * dynamic linker, not of either library.
 *
 *   node --import tsx scripts/bench/eleventy-img.ts <image> <empty output folder>
 *
 * prints one line of JSON, an {@link EleventyImgRun}.
 */
import { execFile } from "node:child_process";
import { readdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";

/** The widths Broadsheet's responsive set has (`createMediaOptions().widths`). */
export const ELEVENTY_IMG_WIDTHS: readonly number[] = [400, 800, 1200, 1600];

/** Broadsheet's formats, in its order. */
export const ELEVENTY_IMG_FORMATS = ["avif", "webp", "jpeg"] as const;

/** One of the formats compared. */
export type ComparedFormat = (typeof ELEVENTY_IMG_FORMATS)[number];

/** The encoder settings eleventy-img's sharp applies when eleventy-img passes it none. */
export interface EleventyImgEncoderSettings {
  readonly avif: { readonly quality: unknown; readonly effort: unknown; readonly chroma: unknown };
  readonly webp: { readonly quality: unknown; readonly effort: unknown };
  readonly jpeg: {
    readonly quality: unknown;
    readonly progressive: unknown;
    /** sharp's `mozjpeg: true` turns trellis quantisation on; off means plain libjpeg-turbo. */
    readonly mozjpeg: boolean;
  };
}

/** What one cold eleventy-img call did and cost. */
export interface EleventyImgRun {
  /** Wall time of the `Image()` call alone (module loading excluded), in ms. */
  readonly wallMs: number;
  /** CPU time of the whole process (every libvips and libuv thread) during the call, in ms. */
  readonly cpuMs: number;
  /** Files written to the output folder. */
  readonly files: number;
  /** Bytes of every file in the output folder. */
  readonly bytes: number;
  /** Bytes by format, from eleventy-img's own result. */
  readonly bytesByFormat: { readonly [format in ComparedFormat]: number };
  /** Output files by format and width, relative to the output folder, for quality checks. */
  readonly outputs: readonly {
    format: ComparedFormat;
    width: number;
    height: number;
    file: string;
  }[];
  /** eleventy-img's own version, from its package.json. */
  readonly version: string;
  /** eleventy-img's nested sharp and its libvips. */
  readonly sharp: { readonly sharp: string; readonly vips: string };
  readonly encoders: EleventyImgEncoderSettings;
  /**
   * How much runs at once: eleventy-img's queue (images at a time), sharp's libvips threads per
   * pipeline and libuv's thread pool (pipelines at a time).
   */
  readonly parallelism: {
    readonly imageQueue: number;
    readonly vipsThreads: number;
    readonly uvThreadpool: number;
  };
}

/** One output as eleventy-img's result describes it. */
interface EleventyImgStat {
  readonly width: number;
  readonly height: number;
  readonly size: number;
  readonly outputPath: string;
}

/** The slice of eleventy-img's CommonJS API used here (it ships no type declarations). */
interface EleventyImage {
  (src: string, options: Record<string, unknown>): Promise<Record<string, EleventyImgStat[]>>;
  readonly concurrency: number;
}

/** The slice of sharp 0.33 used here, including its internal `options` record of settings. */
interface NestedSharp {
  (): { avif(): { options: Record<string, unknown> }; options: Record<string, unknown> };
  readonly versions: Record<string, string | undefined>;
  concurrency(): number;
}

const require = createRequire(import.meta.url);

/** eleventy-img and the sharp it resolves (its own nested copy), as one module instance each. */
function loadEleventyImg(): { Image: EleventyImage; sharp: NestedSharp; version: string } {
  const entry = require.resolve("@11ty/eleventy-img");
  const Image = require(entry) as EleventyImage;
  // Resolved from eleventy-img's folder, so this is the very sharp it requires, not Broadsheet's.
  const sharp = require(require.resolve("sharp", { paths: [path.dirname(entry)] })) as NestedSharp;
  const { version } = require(path.join(path.dirname(entry), "package.json")) as {
    version: string;
  };
  return { Image, sharp, version };
}

/**
 * The encoder settings sharp uses when given none, read from a fresh instance rather than
 * written down here, so the report stays true if eleventy-img's sharp is upgraded.
 */
function encoderDefaults(sharp: NestedSharp): EleventyImgEncoderSettings {
  const plain = sharp().options;
  const avif = sharp().avif().options;
  return {
    avif: {
      quality: avif.heifQuality,
      effort: avif.heifEffort,
      chroma: avif.heifChromaSubsampling,
    },
    webp: { quality: plain.webpQuality, effort: plain.webpEffort },
    jpeg: {
      quality: plain.jpegQuality,
      progressive: plain.jpegProgressive,
      mozjpeg: plain.jpegTrellisQuantisation === true,
    },
  };
}

/** Every file under `dir` and its size. */
function folderBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/**
 * Runs eleventy-img once, in this process, into `outputDir` (emptied first so nothing counts as
 * already made). Call it once per process: a second call would be answered from memory.
 */
export async function runEleventyImg(src: string, outputDir: string): Promise<EleventyImgRun> {
  rmSync(outputDir, { recursive: true, force: true });
  const { Image, sharp, version } = loadEleventyImg();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await Image(src, {
    widths: [...ELEVENTY_IMG_WIDTHS],
    formats: [...ELEVENTY_IMG_FORMATS],
    outputDir,
    dryRun: false,
  });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const stats = (format: ComparedFormat) => result[format] ?? [];
  const sum = (format: ComparedFormat) => stats(format).reduce((total, s) => total + s.size, 0);
  return {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ...folderBytes(outputDir),
    bytesByFormat: { avif: sum("avif"), webp: sum("webp"), jpeg: sum("jpeg") },
    outputs: ELEVENTY_IMG_FORMATS.flatMap((format) =>
      stats(format).map((s) => ({
        format,
        width: s.width,
        height: s.height,
        file: path.relative(outputDir, s.outputPath),
      })),
    ),
    version,
    sharp: { sharp: sharp.versions.sharp ?? "unknown", vips: sharp.versions.vips ?? "unknown" },
    encoders: encoderDefaults(sharp),
    parallelism: {
      imageQueue: Image.concurrency,
      vipsThreads: sharp.concurrency(),
      // libuv's default, which sharp 0.33 leaves alone: at most this many pipelines run at once.
      uvThreadpool: Number(process.env.UV_THREADPOOL_SIZE ?? 4),
    },
  };
}

const execFileAsync = promisify(execFile);

/**
 * Runs {@link runEleventyImg} in a fresh Node process (tsx resolved from this repository) and
 * returns what it printed. The child's start-up and module loading are not in `wallMs`.
 */
export async function measureEleventyImg(src: string, outputDir: string): Promise<EleventyImgRun> {
  const script = fileURLToPath(import.meta.url);
  const repoRoot = path.resolve(path.dirname(script), "../..");
  const { stdout } = await execFileAsync(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), script, src, outputDir],
    { cwd: repoRoot, maxBuffer: 16 * 2 ** 20 },
  );
  const line = stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(line) as EleventyImgRun;
  } catch {
    throw new Error(`eleventy-img child printed no result; its output was:\n${stdout}`);
  }
}

async function main(): Promise<void> {
  const [src, outputDir] = process.argv.slice(2);
  if (src === undefined || outputDir === undefined) {
    throw new Error("usage: node --import tsx scripts/bench/eleventy-img.ts <image> <output dir>");
  }
  const run = await runEleventyImg(path.resolve(src), path.resolve(outputDir));
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
