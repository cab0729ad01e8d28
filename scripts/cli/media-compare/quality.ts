/** Picture quality of both sides' outputs, as luma SSIM against the source at each size. */
import path from "node:path";
import sharp from "sharp";
import { ELEVENTY_IMG_FORMATS, type EleventyImgRun } from "../../bench/eleventy-img.ts";
import type { LocalImage } from "../../media/index.ts";
import { ssim } from "../../media/ssim.ts";
import { cachedFile } from "./broadsheet.ts";
import { SSIM_WIDTHS } from "./settings.ts";
import type { QualityRow } from "./types.ts";

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
export async function compareQuality(
  source: string,
  broadsheetCache: string,
  image: LocalImage,
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
