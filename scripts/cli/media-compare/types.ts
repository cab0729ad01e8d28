import type { ComparedFormat, EleventyImgRun } from "../../bench/eleventy-img.ts";
import type { ImageStageResult } from "../../bench/image-stage.ts";
import type { MediaOptions } from "../../media/index.ts";

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
