import type { Embed } from "../../scripts/content/body/blocks.ts";
import {
  type EmbedShape,
  embedShape,
  embedWords,
  frameUrl,
  originalUrl,
} from "../../scripts/site/embeds.ts";

/**
 * A post or player from another site as a click-to-load facade, like the video's: the
 * provider's mark (its name in type beside a generic icon on the provider's colour: no
 * provider's artwork is copied), what it is, and a link to the original that works without
 * JavaScript. The box is shaped for the kind: a video 16:9 or upright, a post a compact card that
 * grows to the post's height once it loads, audio a strip. Nothing is requested from the provider
 * until the reader presses it; then assets/js/embeds.js puts the provider's own iframe player in
 * the box, moves focus to it and removes the note on what loading does (the editor's caption
 * stays). The page's policy allows that frame (scripts/site/embed-headers.ts).
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
  const shape = embedShape(embed);
  return (
    <figure class={`embed embed-${embed.provider}`}>
      <div class={`embed-frame embed-${shape}`} data-embed-title={words.title}>
        <a class="embed-load" href={original} data-embed-src={frameUrl(embed)}>
          <span class="embed-brand">
            <EmbedIcon shape={shape} />
            <span class="embed-provider">{words.provider}</span>
          </span>{" "}
          <span class="embed-what">{words.what}</span>{" "}
          <span class="embed-action">{words.action}</span>
        </a>
      </div>
      <figcaption class="embed-caption">
        {caption ? <span class="embed-caption-text">{caption} </span> : null}
        <span class="embed-note">
          Pressing it loads the {words.what.toLowerCase()} from {words.provider}, which may set
          cookies. <a href={original}>{words.open}</a>
        </span>
      </figcaption>
    </figure>
  );
}

/** A generic icon for what the embed is, drawn here: play for video, a speech mark for a post, waves for audio. */
function EmbedIcon({ shape }: { readonly shape: EmbedShape }) {
  const glyph =
    shape === "post" ? (
      <path d="M6 7h12a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2h-6l-4 3v-3H6a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2z" />
    ) : shape === "audio" || shape === "audio-list" ? (
      <path
        d="M5 10v4M9 7v10M13 9v6M17 5v14M21 10v4"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        fill="none"
      />
    ) : (
      <path d="M9 6.5v11l9-5.5z" />
    );
  return (
    <svg
      class="embed-icon"
      viewBox="0 0 24 24"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="24" height="24" rx="6" />
      <g fill="currentColor">{glyph}</g>
    </svg>
  );
}
