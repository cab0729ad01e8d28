/**
 * An article body as typed blocks, in reading order, as the Guardian's dotcom-rendering models
 * one: running text (already rendered to safe HTML by the Markdown renderer) between photos,
 * galleries, pull quotes and embeds, each of which a layout component renders. Plain JSON data:
 * the parse cache stores it and render workers receive it as it is.
 */

/** The label a credit is printed with, as written: `PHOTO: AFP`, `PHOTOS: REUTERS, AFP`, `GRAPHIC: ST`. */
export type CreditLabel = "PHOTO" | "PHOTOS" | "GRAPHIC" | "GRAPHICS" | "VIDEO";

export interface PhotoCredit {
  readonly label: CreditLabel;
  /** Who to credit, as written: `REUTERS`, `AFP`, `ST FILE`. */
  readonly name: string;
}

/** A photo written in the body: `![alt](file "Caption. PHOTO: CREDIT")`. */
export interface BodyPhoto {
  /** Its place among the body's photos (galleries included), in reading order. */
  readonly index: number;
  /** The file beside index.md, e.g. `rescue.jpg`. */
  readonly src: string;
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: PhotoCredit;
  /** The line of index.md it is written on. */
  readonly line: number;
}

/** The providers whose posts and players a URL line embeds. */
export type EmbedProvider = "youtube" | "vimeo" | "x" | "instagram" | "tiktok" | "spotify";

/** What an embedded item is, as its URL says. */
export type EmbedKind =
  | "video"
  | "short"
  | "post"
  | "reel"
  | "track"
  | "album"
  | "playlist"
  | "episode"
  | "show"
  | "artist";

/**
 * A post or player from another site, known from its URL alone (no network): the provider, what
 * it is and its id, from which both the link to the original and the player's address are built.
 * Nothing the editor typed is kept but what these fields validate.
 */
export interface Embed {
  readonly provider: EmbedProvider;
  readonly kind: EmbedKind;
  /** The provider's id of the item: YouTube's 11 characters, a post's digits, Spotify's base62. */
  readonly id: string;
  /** X: the account the post is from, for the link to the original. */
  readonly account?: string;
  /** Vimeo: the hash of an unlisted video (`vimeo.com/<id>/<hash>`), which its player needs. */
  readonly hash?: string;
  /** YouTube: where to start, in seconds (`t=1m30s`). */
  readonly start?: number;
}

export type BodyBlock =
  | { readonly kind: "html"; readonly html: string }
  | { readonly kind: "photo"; readonly photo: BodyPhoto }
  | { readonly kind: "gallery"; readonly photos: readonly BodyPhoto[] }
  | { readonly kind: "pullquote"; readonly text: string; readonly attribution?: string }
  /** `caption`: the `Caption:` line under the URL, as plain text. */
  | { readonly kind: "embed"; readonly embed: Embed; readonly caption?: string };

/** A body photo as the build plans it: the file to make, its credit (kept in the file) and line. */
export interface BodyPhotoSource {
  readonly src: string;
  readonly credit?: string;
  readonly line: number;
}

/**
 * What the build needs to know of a body without reading it: the photos the media stage makes
 * (in the order of {@link BodyPhoto.index}) and the providers whose frames the page's
 * Content-Security-Policy must allow. Kept on the article's card.
 */
export interface BodyMedia {
  readonly photos: readonly BodyPhotoSource[];
  /** Each provider once, in a fixed order. */
  readonly embeds: readonly EmbedProvider[];
}

/** Every photo of a body, galleries included, in reading order. */
export function bodyPhotos(blocks: readonly BodyBlock[]): BodyPhoto[] {
  return blocks.flatMap((block) =>
    block.kind === "photo" ? [block.photo] : block.kind === "gallery" ? [...block.photos] : [],
  );
}

/** The providers of a body's embeds, each once, in {@link EMBED_PROVIDERS} order. */
export function embedProviders(blocks: readonly BodyBlock[]): EmbedProvider[] {
  const used = new Set(
    blocks.flatMap((block) => (block.kind === "embed" ? [block.embed.provider] : [])),
  );
  return EMBED_PROVIDERS.filter((provider) => used.has(provider));
}

/** Every provider, in the order policies and lists name them. */
export const EMBED_PROVIDERS: readonly EmbedProvider[] = [
  "youtube",
  "vimeo",
  "x",
  "instagram",
  "tiktok",
  "spotify",
];

/** The body's media summary, or undefined for a body of text only. */
export function bodyMediaOf(blocks: readonly BodyBlock[]): BodyMedia | undefined {
  const photos = bodyPhotos(blocks).map(
    (photo): BodyPhotoSource => ({
      src: photo.src,
      ...(photo.credit ? { credit: photo.credit.name } : {}),
      line: photo.line,
    }),
  );
  const embeds = embedProviders(blocks);
  return photos.length > 0 || embeds.length > 0 ? { photos, embeds } : undefined;
}

/** True when the body has a block of `kind`. */
export function hasBlock(blocks: readonly BodyBlock[], kind: BodyBlock["kind"]): boolean {
  return blocks.some((block) => block.kind === kind);
}

/**
 * The words of a body that are not in its running text, for search: photo captions (and their
 * credits), pull quotes and who said them, embeds' captions, in reading order.
 */
export function bodyExtraText(blocks: readonly BodyBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.kind === "pullquote") {
      return [block.text, ...(block.attribution ? [block.attribution] : [])];
    }
    if (block.kind === "embed") return block.caption ? [block.caption] : [];
    return bodyPhotos([block]).flatMap((photo) =>
      photo.caption || photo.credit
        ? [
            [photo.caption, photo.credit && `${photo.credit.label}: ${photo.credit.name}`]
              .filter(Boolean)
              .join(" "),
          ]
        : [],
    );
  });
}
