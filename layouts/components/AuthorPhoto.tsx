import type { Site } from "../../scripts/content/model.ts";
import type { ProcessedImage } from "../../scripts/media/index.ts";
import { Picture } from "./Picture.tsx";

/** Where an author's photo is shown: each size matches the stylesheet's `.author-photo-*`. */
const PHOTO_SIZES = { byline: "48px", listing: "64px", profile: "160px" } as const;

interface AuthorPhotoProps {
  readonly photo: ProcessedImage;
  readonly size: keyof typeof PHOTO_SIZES;
  readonly site: Site;
  /** Empty where the name is printed beside the photo. */
  readonly alt?: string;
}

/** An author's photo, round, cropped by the stylesheet around where a portrait has the face. */
export function AuthorPhoto({ photo, size, site, alt = "" }: AuthorPhotoProps) {
  return (
    <Picture
      image={photo}
      alt={alt}
      sizes={PHOTO_SIZES[size]}
      loading={size === "profile" ? "priority" : "lazy"}
      site={site}
      class={`author-photo author-photo-${size}`}
    />
  );
}
