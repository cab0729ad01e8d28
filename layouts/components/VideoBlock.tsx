import type { BrightcoveVideo, Site } from "../../scripts/content/model.ts";
import type { ProcessedImage } from "../../scripts/media/index.ts";
import { playerUrl } from "../../scripts/site/brightcove.ts";
import { curl } from "../../scripts/site/typography.ts";
import { LEAD_SIZES } from "./LeadFigure.tsx";
import { type Loading, Picture } from "./Picture.tsx";

interface VideoBlockProps {
  readonly video: BrightcoveVideo;
  readonly thumbnail: ProcessedImage;
  readonly loading: Loading;
  readonly site: Site;
  /** Used when the video has no title of its own. */
  readonly fallbackTitle: string;
}

/** "1:12" from PT1M12S, for the badge on the play button. */
export function formatDuration(video: BrightcoveVideo): string | undefined {
  const duration = video.duration?.shiftTo("hours", "minutes", "seconds");
  if (!duration) return undefined;
  const seconds = String(Math.round(duration.seconds)).padStart(2, "0");
  return duration.hours > 0
    ? `${duration.hours}:${String(duration.minutes).padStart(2, "0")}:${seconds}`
    : `${duration.minutes}:${seconds}`;
}

/**
 * A click-to-play facade: the thumbnail and a play button that is a real link to the player,
 * so it works without JavaScript; assets/js/video-facade.js swaps in the iframe on demand, so
 * Brightcove's player costs nothing until the reader asks for it.
 */
export function VideoBlock({ video, thumbnail, loading, site, fallbackTitle }: VideoBlockProps) {
  const title = curl(video.title ?? fallbackTitle);
  const url = playerUrl(site, video);
  const duration = formatDuration(video);
  return (
    <figure class="video">
      <div class="video-frame" data-video-title={title}>
        <Picture image={thumbnail} alt="" sizes={LEAD_SIZES} loading={loading} site={site} />
        <a class="video-play" href={url} data-video-player={url}>
          <svg class="video-play-icon" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
            <circle cx="32" cy="32" r="31" />
            <path d="M26 20 46 32 26 44z" />
          </svg>
          <span class="visually-hidden">Play video: </span>
          <span class="video-play-label">{title}</span>
          {duration ? (
            <span class="video-duration">
              <span class="visually-hidden">, duration </span>
              {duration}
            </span>
          ) : null}
        </a>
      </div>
      {video.description ? (
        // Folded: the story's first words come before a paragraph about the video. A
        // <details> opens by keyboard and without script, and its contents stay searchable.
        <figcaption class="video-caption">
          <details class="video-about">
            <summary>About this video</summary>
            <p>{curl(video.description)}</p>
          </details>
        </figcaption>
      ) : null}
    </figure>
  );
}
