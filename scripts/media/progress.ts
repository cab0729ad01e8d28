/** Progress reports for long image runs, as data and as one line of text. */
import type { MediaProgress } from "./types.ts";

/**
 * One line for a build log.
 *
 * @example
 * formatProgress({ done: 12, total: 40, reused: 9, encoded: 3, elapsedMs: 3200 });
 * // "images 12/40 · 9 reused · 3 encoded · 3.2 s"
 */
export function formatProgress(p: MediaProgress): string {
  return `images ${p.done}/${p.total} · ${p.reused} reused · ${p.encoded} encoded · ${(p.elapsedMs / 1000).toFixed(1)} s`;
}

/** Counts finished images and reports each step through `onProgress`. */
export class ProgressCounter {
  private done = 0;
  private reusedCount = 0;
  private encodedCount = 0;
  private readonly started = performance.now();

  constructor(
    private readonly total: number,
    private readonly onProgress?: (p: MediaProgress) => void,
  ) {}

  /** Records one finished image: `encoded` if any of its files was made, `reused` if none. */
  finish(outcome: "encoded" | "reused" | "failed"): void {
    this.done += 1;
    if (outcome === "encoded") this.encodedCount += 1;
    if (outcome === "reused") this.reusedCount += 1;
    this.onProgress?.(this.snapshot());
  }

  snapshot(): MediaProgress {
    return {
      done: this.done,
      total: this.total,
      reused: this.reusedCount,
      encoded: this.encodedCount,
      elapsedMs: Math.round(performance.now() - this.started),
    };
  }
}
