import type { FeedImage } from "./channels.ts";
import { addText, cleanAttributes, type XmlElement } from "./xml.ts";

/** `media:content` for the lead image, with its alt text and credit. */
export function mediaContent(parent: XmlElement, image: FeedImage): void {
  const content = parent.ele(
    "media:content",
    cleanAttributes({
      url: image.url,
      type: image.type,
      medium: "image",
      width: image.width,
      height: image.height,
    }),
  );
  addText(content, "media:description", image.description, { type: "plain" });
  if (image.credit) addText(content, "media:credit", image.credit);
}
