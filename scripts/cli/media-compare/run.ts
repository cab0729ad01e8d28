/**
 * One whole comparison: the rounds, the copies' cache hits and the quality check, in scratch
 * folders removed afterwards, gathered into the results the report and the JSON are made from.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { createMediaOptions, type LocalImage, mediaKey } from "../../media/index.ts";
import { processOrThrow } from "./broadsheet.ts";
import { copyRequests, measureCopyHits, writeStampedCopies } from "./copies.ts";
import { compareQuality } from "./quality.ts";
import { measureRound, roundDirs } from "./rounds.ts";
import { COPIES, checkSameWidths, parseImage, REPO_ROOT, ROUNDS } from "./settings.ts";
import { checkTargets, summarise } from "./summary.ts";
import type { MediaCompareResults, RoundResult } from "./types.ts";

/** Runs the comparison on the image `argv` names (or the stand-in); `log` reports progress. */
export async function compareMedia(
  argv: readonly string[],
  log: (line: string) => void,
): Promise<MediaCompareResults> {
  const started = performance.now();
  const date = new Date().toISOString();
  // Taken before anything runs: the load others put on the machine, not ours.
  const loadAverageStart = loadavg();
  if ((loadAverageStart[0] ?? 0) > 1.2) {
    log(
      `load average ${loadAverageStart[0]?.toFixed(2)}: the machine is busy, times will be inflated`,
    );
  }
  const request = parseImage(argv);
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
    ) as LocalImage;
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
      command: ["npm run media-compare", ...(argv.length > 0 ? ["--", ...argv] : [])].join(" "),
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
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
