import type { LeadImage, Site } from "../../scripts/content/model.ts";
import type { ProcessedImage } from "../../scripts/media/index.ts";
import { columnPhotoSizes, isUpright } from "../../scripts/site/photo-slot.ts";
import { curl } from "../../scripts/site/typography.ts";
import { type Loading, Picture } from "./Picture.tsx";

/**
 * The slot of lead media in the article column: full width on phones, a 720 px column beyond
 * (an upright photo is drawn narrower: photo-slot.ts).
 */
export const LEAD_SIZES = columnPhotoSizes({ width: 16, height: 9 }, "lead");

interface LeadFigureProps {
  readonly image: LeadImage;
  readonly processed: ProcessedImage;
  readonly loading: Loading;
  readonly site: Site;
}

/** The lead photo with its caption and credit. */
export function LeadFigure({ image, processed, loading, site }: LeadFigureProps) {
  return (
    <figure class="lead-figure">
      <Picture
        image={processed}
        alt={image.alt}
        sizes={columnPhotoSizes(processed, "lead")}
        loading={loading}
        site={site}
        {...(isUpright(processed) ? { class: "media-upright" } : {})}
      />
      {image.caption || image.credit ? (
        <figcaption>
          {image.caption ? <span class="caption">{curl(image.caption)}</span> : null}
          {image.credit ? <span class="credit">PHOTO: {image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
