/**
 * Embeds as readers meet them: the address of the original post or player (the facade's link,
 * which works without JavaScript), the provider's own iframe player that replaces the facade
 * when the reader asks (YouTube through youtube-nocookie.com), the origin the page's policy must
 * allow for that frame, and the words that say what it is. Every URL is built from the embed's
 * validated parts, never from what the editor typed.
 *
 * Player addresses as the providers document their iframe embeds (checked November 2026):
 * YouTube `https://www.youtube-nocookie.com/embed/<id>`, Vimeo
 * `https://player.vimeo.com/video/<id>`, X `https://platform.twitter.com/embed/Tweet.html?id=<id>`,
 * Instagram `https://www.instagram.com/p/<code>/embed/`, TikTok
 * `https://www.tiktok.com/embed/v2/<id>`, Spotify `https://open.spotify.com/embed/<type>/<id>`.
 */
import type { Embed, EmbedKind, EmbedProvider } from "../content/body/blocks.ts";
import { PROVIDER_NAMES } from "../content/body/embed-url.ts";

/** The origin each provider's player is served from: what `frame-src` must name. */
export const EMBED_FRAME_ORIGINS: Readonly<Record<EmbedProvider, string>> = {
  youtube: "https://www.youtube-nocookie.com",
  vimeo: "https://player.vimeo.com",
  x: "https://platform.twitter.com",
  instagram: "https://www.instagram.com",
  tiktok: "https://www.tiktok.com",
  spotify: "https://open.spotify.com",
};

const enc = encodeURIComponent;

/** The original post or player on the provider's site. */
export function originalUrl(embed: Embed): string {
  const { id } = embed;
  switch (embed.provider) {
    case "youtube":
      return embed.kind === "short"
        ? `https://www.youtube.com/shorts/${enc(id)}`
        : `https://www.youtube.com/watch?v=${enc(id)}${embed.start ? `&t=${embed.start}s` : ""}`;
    case "vimeo":
      return `https://vimeo.com/${enc(id)}${embed.hash ? `/${enc(embed.hash)}` : ""}`;
    case "x":
      return `https://x.com/${embed.account ? enc(embed.account) : "i"}/status/${enc(id)}`;
    case "instagram":
      return `https://www.instagram.com/${embed.kind === "reel" ? "reel" : embed.kind === "video" ? "tv" : "p"}/${enc(id)}/`;
    case "tiktok":
      return `https://www.tiktok.com/@${enc(embed.account ?? "")}/video/${enc(id)}`;
    case "spotify":
      return `https://open.spotify.com/${embed.kind}/${enc(id)}`;
  }
}

/**
 * The provider's iframe player. Players start at once where they can: the reader has just
 * pressed play. X's is asked not to personalise (`dnt`).
 */
export function frameUrl(embed: Embed): string {
  const { id } = embed;
  switch (embed.provider) {
    case "youtube":
      return `${EMBED_FRAME_ORIGINS.youtube}/embed/${enc(id)}?autoplay=1${embed.start ? `&start=${embed.start}` : ""}`;
    case "vimeo":
      return `${EMBED_FRAME_ORIGINS.vimeo}/video/${enc(id)}?autoplay=1${embed.hash ? `&h=${enc(embed.hash)}` : ""}`;
    case "x":
      return `${EMBED_FRAME_ORIGINS.x}/embed/Tweet.html?dnt=true&id=${enc(id)}`;
    case "instagram":
      return `${EMBED_FRAME_ORIGINS.instagram}/${embed.kind === "reel" ? "reel" : "p"}/${enc(id)}/embed/`;
    case "tiktok":
      return `${EMBED_FRAME_ORIGINS.tiktok}/embed/v2/${enc(id)}`;
    case "spotify":
      return `${EMBED_FRAME_ORIGINS.spotify}/embed/${embed.kind}/${enc(id)}`;
  }
}

/** What an item is, as a noun: "video", "post", "podcast episode". */
const KIND_NOUNS: Readonly<Record<EmbedKind, string>> = {
  video: "video",
  short: "short video",
  post: "post",
  reel: "reel",
  track: "track",
  album: "album",
  playlist: "playlist",
  episode: "podcast episode",
  show: "podcast",
  artist: "artist",
};

/**
 * The box the player needs, reserved by the facade so the page does not move when it loads:
 * 16:9 for videos, tall for vertical video and posts, a strip for a Spotify track.
 */
export type EmbedShape = "landscape" | "portrait" | "post" | "audio" | "audio-list";

export function embedShape(embed: Embed): EmbedShape {
  switch (embed.provider) {
    case "youtube":
      return embed.kind === "short" ? "portrait" : "landscape";
    case "vimeo":
      return "landscape";
    case "tiktok":
      return "portrait";
    case "instagram":
      return embed.kind === "reel" ? "portrait" : "post";
    case "x":
      return "post";
    case "spotify":
      return embed.kind === "track" || embed.kind === "episode" ? "audio" : "audio-list";
  }
}

/** How the facade and the player name an embed. */
export interface EmbedWords {
  /** `YouTube`. */
  readonly provider: string;
  /** `Video`, `Post`, `Podcast episode`. */
  readonly what: string;
  /** The player's iframe title: `YouTube video`, `Post on X`. */
  readonly title: string;
  /** The facade's button: `Play the video`, `Show the post`. */
  readonly action: string;
  /** The link to the original: `Watch on YouTube`, `View on X`. */
  readonly open: string;
}

export function embedWords(embed: Embed): EmbedWords {
  const provider = PROVIDER_NAMES[embed.provider];
  const noun = KIND_NOUNS[embed.kind];
  const playable = embed.kind !== "post";
  const verb = embed.provider === "spotify" ? "Listen" : playable ? "Watch" : "View";
  return {
    provider,
    what: `${noun.charAt(0).toUpperCase()}${noun.slice(1)}`,
    title: embed.provider === "x" ? "Post on X" : `${provider} ${noun}`,
    action:
      embed.kind === "artist"
        ? "Play the artist's top tracks"
        : `${playable ? "Play" : "Show"} the ${noun}`,
    open: `${verb} on ${provider}`,
  };
}
