/** One round of the comparison: every figure measured once, each in fresh folders. */

import { loadavg } from "node:os";
import path from "node:path";
import { measureEleventyImg } from "../../bench/eleventy-img.ts";
import { compareImageStage } from "../../bench/image-stage.ts";
import { median } from "../../bench/results.ts";
import type { MediaRequest } from "../../media/index.ts";
import { measureBroadsheetCold, measureCacheHits } from "./broadsheet.ts";
import { WARM_CALLS } from "./settings.ts";
import type { RoundResult } from "./types.ts";

/** Where round `round` keeps its files under `scratch`. */
export function roundDirs(scratch: string, round: number) {
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
export async function measureRound(
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
