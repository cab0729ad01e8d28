import type { Embed } from "../../scripts/content/body/blocks.ts";
import { embedShape, embedWords, frameUrl, originalUrl } from "../../scripts/site/embeds.ts";

/**
 * A post or player from another site as a click-to-load facade, like the video's: the
 * provider's name, what it is, and a link to the original that works without JavaScript.
 * Nothing is requested from the provider until the reader presses it; then
 * assets/js/embeds.js puts the provider's own iframe player in the reserved box and moves focus
 * to it. The page's policy allows that frame (scripts/site/embed-headers.ts).
 */
export function EmbedFacade({
  embed,
  caption,
}: {
  readonly embed: Embed;
  /** The editor's `Caption:` line: shown above the note, before and after the player loads. */
  readonly caption?: string | undefined;
}) {
  const words = embedWords(embed);
  const original = originalUrl(embed);
  return (
    <figure class={`embed embed-${embed.provider}`}>
      <div class={`embed-frame embed-${embedShape(embed)}`} data-embed-title={words.title}>
        <a class="embed-load" href={original} data-embed-src={frameUrl(embed)}>
          <span class="embed-provider">{words.provider}</span>{" "}
          <span class="embed-what">{words.what}</span>{" "}
          <span class="embed-action">{words.action}</span>
        </a>
      </div>
      <figcaption class="embed-caption">
        {caption ? <span class="embed-caption-text">{caption} </span> : null}
        Pressing it loads the {words.what.toLowerCase()} from {words.provider}, which may set
        cookies. <a href={original}>{words.open}</a>
      </figcaption>
    </figure>
  );
}
