/**
 * Page weight: the HTML bytes of each kind of page as built, raw and gzipped, and the bytes of
 * the seed article's lead photo as a phone or a desktop browser would fetch it, per format.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { LEAD_SIZES } from "../../layouts/components/LeadFigure.tsx";
import { type ImageFile, processImages, publishImages } from "../media/index.ts";
import { topicSlug } from "../site/urls.ts";
import type { BenchArticle } from "./generate.ts";

/** The bytes of one built page, or of one of the assets every page loads. */
export interface PageWeight {
  readonly page: "home" | "section" | "topic" | "article with photo" | "article" | "asset";
  /** Site-relative URL. */
  readonly url: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

function weigh(file: string, page: PageWeight["page"], url: string): PageWeight | undefined {
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  // Level 6 is zlib's default and what hosts that pre-compress commonly use.
  return { page, url, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 6 }).length };
}

/** The most used tag: its topic page is a full listing page, as busy topics are. */
function busiestTag(articles: readonly BenchArticle[]): string | undefined {
  const counts = new Map<string, number>();
  for (const article of articles) {
    for (const tag of article.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/**
 * Weighs the home page, the first page of the busiest section and topic, the first article
 * (by generation order) with a photo and the first without, in a built `_site/`, and the
 * assets they share.
 */
export function htmlWeights(siteDir: string, articles: readonly BenchArticle[]): PageWeight[] {
  const sectionCounts = new Map<string, number>();
  for (const article of articles) {
    sectionCounts.set(article.section, (sectionCounts.get(article.section) ?? 0) + 1);
  }
  const section = [...sectionCounts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const tag = busiestTag(articles);
  const withPhoto = articles.find((article) => article.image);
  const without = articles.find((article) => !article.image && !article.video);
  const url = (article: BenchArticle) => `/${article.section}/${article.slug}/`;
  const candidates: [PageWeight["page"], string | undefined][] = [
    ["home", "/"],
    ["section", section === undefined ? undefined : `/${section}/`],
    ["topic", tag === undefined ? undefined : `/topics/${topicSlug(tag)}/`],
    ["article with photo", withPhoto ? url(withPhoto) : undefined],
    ["article", without ? url(without) : undefined],
  ];
  const pages = candidates.flatMap(([page, address]) => {
    const weight =
      address === undefined
        ? undefined
        : weigh(path.join(siteDir, address, "index.html"), page, address);
    return weight ? [weight] : [];
  });
  return [...pages, ...assetWeights(siteDir)];
}

/** The site's CSS, scripts and logo (`_site/assets/`), which pages load beside their HTML. */
function assetWeights(siteDir: string): PageWeight[] {
  const dir = path.join(siteDir, "assets");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const weight = weigh(path.join(dir, name), "asset", `/assets/${name}`);
      return weight ? [weight] : [];
    });
}

/** A device the lead photo is weighed for. */
export interface Device {
  readonly name: string;
  /** CSS pixels. */
  readonly viewport: number;
  readonly dpr: number;
}

/** Common phones (375 CSS px at DPR 2 and 3) and a 1280 px desktop at DPR 1 and 2. */
export const DEVICES: readonly Device[] = [
  { name: "phone 375 px, DPR 2", viewport: 375, dpr: 2 },
  { name: "phone 375 px, DPR 3", viewport: 375, dpr: 3 },
  { name: "desktop 1280 px, DPR 1", viewport: 1280, dpr: 1 },
  { name: "desktop 1280 px, DPR 2", viewport: 1280, dpr: 2 },
];

/**
 * The slot width `sizes` gives at a viewport width: supports what the layouts write,
 * `(min-width: Npx) Lpx` conditions and a final `Lpx` or `Lvw`.
 *
 * @example slotWidth("(min-width: 760px) 720px, 100vw", 375) // 375
 */
export function slotWidth(sizes: string, viewport: number): number {
  for (const entry of sizes.split(",").map((part) => part.trim())) {
    const match = /^(?:\(min-width:\s*(\d+)px\)\s+)?(\d+(?:\.\d+)?)(px|vw)$/.exec(entry);
    if (!match) throw new Error(`cannot read sizes entry "${entry}"`);
    const [, minWidth, length, unit] = match;
    if (minWidth !== undefined && viewport < Number(minWidth)) continue;
    return unit === "vw" ? (Number(length) * viewport) / 100 : Number(length);
  }
  return viewport;
}

/**
 * The candidate a browser picks from a `w` srcset: the narrowest at least slot x DPR wide, or
 * the widest when none is. (Chrome may take a slightly narrower one when the next is much
 * larger; this is the rule the spec suggests and Firefox and Safari follow.)
 */
export function chooseCandidate(
  files: readonly ImageFile[],
  needed: number,
): ImageFile | undefined {
  const sorted = [...files].sort((a, b) => a.width - b.width);
  return sorted.find((file) => file.width >= needed) ?? sorted.at(-1);
}

/** The lead photo's bytes on one device: the width chosen and its size in each format. */
export interface LeadImageWeight {
  readonly device: string;
  /** Image pixels the slot needs: slot width x DPR. */
  readonly neededPx: number;
  readonly chosenWidth: number;
  readonly avifBytes: number;
  readonly webpBytes: number;
  readonly jpegBytes: number;
}

/**
 * Runs the media module on `photo` (an empty cache in `scratch`), publishes the files and
 * weighs, for each device, the variant the browser would fetch through the lead slot's `sizes`.
 */
export async function leadImageWeights(
  photo: string,
  scratch: string,
  focus: readonly [number, number] = [0.5, 0.5],
  credit = "AFP",
): Promise<LeadImageWeight[]> {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    const cacheDir = path.join(scratch, "cache");
    const request = { article: "seed", field: "image.src" as const, file: photo, focus, credit };
    const result = await processImages([request], { cacheDir });
    if (!result.ok) throw new Error(`the seed photo was refused: ${result.issues[0]?.message}`);
    const site = path.join(scratch, "site");
    await publishImages(result.value, site, { cacheDir });
    const image = result.value.images.get("seed#image.src");
    if (!image) throw new Error("processImages returned no image for the seed photo");
    const bytes = (file: ImageFile | undefined) =>
      file ? statSync(path.join(site, file.path)).size : 0;
    return DEVICES.map((device) => {
      const neededPx = Math.ceil(slotWidth(LEAD_SIZES, device.viewport) * device.dpr);
      const jpeg = chooseCandidate(image.variants.jpeg, neededPx);
      return {
        device: device.name,
        neededPx,
        chosenWidth: jpeg?.width ?? 0,
        avifBytes: bytes(chooseCandidate(image.variants.avif, neededPx)),
        webpBytes: bytes(chooseCandidate(image.variants.webp, neededPx)),
        jpegBytes: bytes(jpeg),
      };
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
