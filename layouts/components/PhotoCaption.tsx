import type { BodyPhoto } from "../../scripts/content/body/blocks.ts";
import { curl } from "../../scripts/site/typography.ts";

/** A body photo's caption and credit (`PHOTO: REUTERS`), as the lead photo shows them. */
export function PhotoCaption({ photo }: { readonly photo: BodyPhoto }) {
  if (!photo.caption && !photo.credit) return null;
  return (
    <figcaption>
      {photo.caption ? <span class="caption">{curl(photo.caption)}</span> : null}
      {photo.credit ? (
        <span class="credit">
          {photo.credit.label}: {photo.credit.name}
        </span>
      ) : null}
    </figcaption>
  );
}
