import type { BodyPhoto } from "../../scripts/content/body/blocks.ts";
import type { Site } from "../../scripts/content/model.ts";
import type { ProcessedImage } from "../../scripts/media/index.ts";
import { imageSrc } from "../../scripts/site/image-urls.ts";
import { PhotoCaption } from "./PhotoCaption.tsx";
import { Picture } from "./Picture.tsx";

/**
 * A gallery cell: half the column (two to a row, 0.5rem apart) on every screen: 356 px of the
 * 720 px column beyond 760 px, half the screen less the page's margins on phones. Must match
 * `.gallery-grid` in assets/css/body-media.css.
 */
export const GALLERY_SIZES = "(min-width: 760px) 356px, calc(50vw - 1.25rem)";

interface GalleryProps {
  readonly photos: readonly { readonly photo: BodyPhoto; readonly image: ProcessedImage }[];
  readonly site: Site;
}

/** The largest JPEG: what a gallery photo's link opens without JavaScript. */
function largest(image: ProcessedImage, site: Site): string {
  const file = image.variants.jpeg.at(-1);
  if (!file) throw new Error("a processed image has no JPEG variant");
  return imageSrc(site, file);
}

/**
 * A grid of captioned photos. Each is a link to its largest version, so without JavaScript a
 * reader still gets it; assets/js/gallery.js opens it in the viewer instead (a modal `<dialog>`
 * with previous and next, by mouse or keyboard), over the page, so nothing on the page moves.
 */
export function Gallery({ photos, site }: GalleryProps) {
  return (
    <div class="gallery" data-gallery>
      <ul class="gallery-grid">
        {photos.map(({ photo, image }) => (
          <li>
            <figure class="gallery-item">
              <a class="gallery-open" href={largest(image, site)} data-gallery-open>
                <Picture
                  image={image}
                  alt={photo.alt}
                  sizes={GALLERY_SIZES}
                  loading="lazy"
                  site={site}
                  class="gallery-frame"
                />
                <span class="visually-hidden"> (opens larger)</span>
              </a>
              <PhotoCaption photo={photo} />
            </figure>
          </li>
        ))}
      </ul>
      <dialog class="gallery-viewer" aria-label="Photo viewer" data-gallery-viewer>
        <div class="gallery-viewer-bar">
          <p class="gallery-viewer-count" aria-live="polite" data-gallery-count>
            {`Photo 1 of ${photos.length}`}
          </p>
          <button type="button" class="gallery-viewer-close" data-gallery-close>
            Close
          </button>
        </div>
        <div class="gallery-viewer-stage" data-gallery-stage />
        <div class="gallery-viewer-nav">
          <button type="button" data-gallery-step="-1">
            Previous photo
          </button>
          <button type="button" data-gallery-step="1">
            Next photo
          </button>
        </div>
      </dialog>
    </div>
  );
}
