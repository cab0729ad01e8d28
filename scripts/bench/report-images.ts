/** The report's sections for issue #7's with-images measurements (`--images`). */
import { formatCdnBench } from "./cdn.ts";
import { describeRun, kb, ratio, seconds, table, times } from "./format.ts";
import type { LeadImageWeight } from "./page-weight.ts";
import type { ImagesResult } from "./results.ts";

/** One size's with-images figures: the cold build, the image stage against sharp, page weights. */
export function imagesSection(images: ImagesResult): string {
  const { imageStage } = images;
  return [
    "### With images (`--images`)",
    "",
    `${images.withPhoto} articles with a photo, ${images.withVideo} with a video: ` +
      `${images.imageRequests} image requests, ${images.distinctImages} distinct images.`,
    "",
    `Cold build with images (empty media cache): ${describeRun(images.cold)}.`,
    "",
    `Image stage, cold, ${imageStage.images} distinct images (${imageStage.files} files): bare sharp ` +
      `${seconds(imageStage.bareMs)}, processImages ${seconds(imageStage.moduleMs)} ` +
      `(${times(ratio(imageStage.moduleMs, imageStage.bareMs))}; it reported ${imageStage.moduleEncoded} encoded, ` +
      `${imageStage.moduleReused} reused).`,
    "",
    table(
      ["page", "URL", "HTML", "gzip"],
      ["l", "l", "r", "r"],
      images.pages.map((page) => [
        page.page,
        `\`${page.url}\``,
        kb(page.rawBytes),
        kb(page.gzipBytes),
      ]),
    ),
    "",
    "Cold builds of the same archive without and with an image CDN (one master per photo):",
    "",
    ...formatCdnBench(images.cdn),
    "",
  ].join("\n");
}

/** The seed article's lead photo as browsers fetch it. */
export function leadImageSection(lead: {
  readonly source: string;
  readonly weights: readonly LeadImageWeight[];
}): string {
  return [
    "## The seed article's lead photo as browsers fetch it",
    "",
    `\`${lead.source}\` through the lead slot's \`sizes\`; the narrowest candidate at least slot x DPR wide.`,
    "",
    table(
      ["device", "pixels needed", "width fetched", "AVIF", "WebP", "JPEG"],
      ["l", "r", "r", "r", "r", "r"],
      lead.weights.map((row) => [
        row.device,
        String(row.neededPx),
        String(row.chosenWidth),
        kb(row.avifBytes),
        kb(row.webpBytes),
        kb(row.jpegBytes),
      ]),
    ),
    "",
  ].join("\n");
}
