import { COPIES, WARM_CALLS } from "./settings.ts";
import type { MediaCompareResults, QualityRow, RoundResult, Summary } from "./types.ts";
import { kb, ms, percent } from "./units.ts";

/** A Markdown table: a header row, the separator, then the rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** "a, b, c" of one figure's per-round values. */
export function runs(rounds: readonly RoundResult[], read: (round: RoundResult) => number): string {
  return rounds.map((round) => ms(read(round))).join(", ");
}

export function timingTable(results: MediaCompareResults): string {
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

export function bytesTable(summary: Summary): string {
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

export function settingsTable(results: MediaCompareResults): string {
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

export function qualityTable(rows: readonly QualityRow[]): string {
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
