import type { BodyPhoto } from "../../scripts/content/body/blocks.ts";
import type { Site } from "../../scripts/content/model.ts";
import type { ProcessedImage } from "../../scripts/media/index.ts";
import { columnPhotoSizes, isUpright } from "../../scripts/site/photo-slot.ts";
import { PhotoCaption } from "./PhotoCaption.tsx";
import { Picture } from "./Picture.tsx";

interface BodyFigureProps {
  readonly photo: BodyPhoto;
  readonly image: ProcessedImage;
  readonly site: Site;
}

/**
 * A photo in the story, in the slot the lead photo has (photo-slot.ts; assets/css/body-media.css):
 * fetched as it nears the viewport (the lead stays the only eager image).
 */
export function BodyFigure({ photo, image, site }: BodyFigureProps) {
  return (
    <figure class="body-figure">
      <Picture
        image={image}
        alt={photo.alt}
        sizes={columnPhotoSizes(image, "body")}
        loading="lazy"
        site={site}
        {...(isUpright(image) ? { class: "media-upright" } : {})}
      />
      <PhotoCaption photo={photo} />
    </figure>
  );
}
