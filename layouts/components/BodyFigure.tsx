import type { BodyPhoto } from "../../scripts/content/body/blocks.ts";
import type { Site } from "../../scripts/content/model.ts";
import type { ProcessedImage } from "../../scripts/media/index.ts";
import { LEAD_SIZES } from "./LeadFigure.tsx";
import { PhotoCaption } from "./PhotoCaption.tsx";
import { Picture } from "./Picture.tsx";

/**
 * A body photo fills the slot the lead photo does: the 720 px column beyond 760 px, the whole
 * width on phones (assets/css/body-media.css).
 */
export const BODY_PHOTO_SIZES = LEAD_SIZES;

interface BodyFigureProps {
  readonly photo: BodyPhoto;
  readonly image: ProcessedImage;
  readonly site: Site;
}

/** A photo in the story: fetched as it nears the viewport (the lead stays the only eager image). */
export function BodyFigure({ photo, image, site }: BodyFigureProps) {
  return (
    <figure class="body-figure">
      <Picture image={image} alt={photo.alt} sizes={BODY_PHOTO_SIZES} loading="lazy" site={site} />
      <PhotoCaption photo={photo} />
    </figure>
  );
}
