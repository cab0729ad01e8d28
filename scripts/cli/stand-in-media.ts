/**
 * Paints Broadsheet's own stand-in photographs for the seed article.
 *
 * The seed article is a wire story, and wire copy ships without media, yet its front matter
 * needs an `image` and a `video.thumbnail` so the article layout, the responsive-image pipeline
 * and the social cards have real pictures to work on. Borrowing a news photograph we hold no
 * licence for is not an option, so this script makes originals: scenes built from SVG shapes lit
 * with gradients, then defocused, bloomed, graded, vignetted and grained so that at a glance they
 * read as soft-focus photographs rather than clip art. They contain no text. The painting is in
 * `stand-in-media/`: the two scenes (`desk/`, `briefing/`) and the camera they share (lens,
 * film, blends, noise, SVG helpers).
 *
 * The output is byte-identical on every run (seeded pseudo-random numbers, no clock, no
 * `Math.random`), so regenerating never shows up as a spurious diff. To use licensed originals
 * instead, drop files with the same names (`photo.jpg`, `video-thumbnail.jpg`) into the article
 * folder, or point the article's `image.src` / `video.thumbnail` at other files.
 *
 * Usage: `node --import tsx scripts/cli/stand-in-media.ts [output-folder]`
 * (the folder defaults to the seed article's own folder).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { makeBriefingThumbnail } from "./stand-in-media/briefing/thumbnail.ts";
import { makeDeskPhoto } from "./stand-in-media/desk/photo.ts";

/** Where the seed article lives; its front matter names `photo.jpg` and `video-thumbnail.jpg`. */
export const SEED_ARTICLE_DIR = fileURLToPath(
  new URL(
    "../../content/articles/north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says/",
    import.meta.url,
  ),
);

/** Writes both stand-ins into `folder` and returns their paths. */
export async function writeStandInMedia(folder: string): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const [photo, thumbnail] = await Promise.all([makeDeskPhoto(), makeBriefingThumbnail()]);
  const files = [
    [path.join(folder, "photo.jpg"), photo],
    [path.join(folder, "video-thumbnail.jpg"), thumbnail],
  ] as const;
  await Promise.all(files.map(([file, data]) => writeFile(file, data)));
  return files.map(([file]) => file);
}

async function main(): Promise<void> {
  const folder = path.resolve(process.argv[2] ?? SEED_ARTICLE_DIR);
  const started = performance.now();
  const written = await writeStandInMedia(folder);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const file of written) console.log(`wrote ${path.relative(process.cwd(), file)}`);
  console.log(`stand-in media generated in ${seconds}s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
