/**
 * What an article's body needs beyond the site's stylesheet: the body-media styles when it has
 * photos, galleries, pull quotes or embeds, the embeds' script when it has embeds, the gallery
 * viewer when it has a gallery. Pages without them load none of it.
 */
import { type BodyBlock, hasBlock } from "../content/body/blocks.ts";
import type { AssetPaths } from "./assets.ts";

export interface BodyAssets {
  readonly styles: readonly string[];
  readonly scripts: readonly string[];
}

export function bodyAssets(blocks: readonly BodyBlock[], assets: AssetPaths): BodyAssets {
  const media = blocks.some((block) => block.kind !== "html");
  return {
    styles: media ? [assets.bodyMedia] : [],
    scripts: [
      ...(hasBlock(blocks, "embed") ? [assets.embeds] : []),
      ...(hasBlock(blocks, "gallery") ? [assets.gallery] : []),
    ],
  };
}
