/**
 * Which URLs are embeds: a post or player from YouTube, Vimeo, X (Twitter), Instagram, TikTok or
 * Spotify, recognised from the URL alone (no network), so a build never waits on a provider and
 * never depends on one being up. Anything else, including a provider's page that is not one
 * post or player (a channel, a profile), stays a link.
 */
import type { Embed, EmbedKind, EmbedProvider } from "./blocks.ts";

/** What a URL alone on a line is. */
export type UrlLine =
  | { readonly kind: "embed"; readonly embed: Embed }
  /** A provider's short link: it names its post only once it is looked up, so it cannot embed. */
  | { readonly kind: "short-link"; readonly provider: EmbedProvider; readonly full: string }
  | { readonly kind: "link" };

const LINK: UrlLine = { kind: "link" };

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const DIGITS = /^\d{1,20}$/;
const X_ACCOUNT = /^[A-Za-z0-9_]{1,15}$/;
const INSTAGRAM_CODE = /^[A-Za-z0-9_-]{5,40}$/;
const TIKTOK_ACCOUNT = /^[A-Za-z0-9_.]{1,24}$/;
const SPOTIFY_ID = /^[A-Za-z0-9]{22}$/;
const VIMEO_HASH = /^[0-9a-f]{6,20}$/i;

/** The host without `www.`, `m.` or `mobile.`, lowercase. */
function bareHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, "");
}

/** The path's non-empty segments. */
function segments(url: URL): string[] {
  return url.pathname.split("/").filter(Boolean);
}

function embed(
  provider: EmbedProvider,
  kind: EmbedKind,
  id: string,
  extra: Partial<Pick<Embed, "account" | "hash" | "start">> = {},
): UrlLine {
  return { kind: "embed", embed: { provider, kind, id, ...extra } };
}

/**
 * Seconds from YouTube's `t` parameter: `90`, `90s`, `1m30s`, `1h2m3s`; undefined otherwise.
 *
 * @example startSeconds("1m30s") // 90
 */
export function startSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = /^(?:(\d{1,2})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s?)?$/.exec(value);
  if (!match || value === "") return undefined;
  const [, hours = "0", minutes = "0", seconds = "0"] = match;
  const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  return total > 0 ? total : undefined;
}

function youtube(url: URL, host: string): UrlLine {
  const parts = segments(url);
  const start = startSeconds(url.searchParams.get("t") ?? url.searchParams.get("start"));
  const timed = start === undefined ? {} : { start };
  let id: string | undefined;
  let kind: EmbedKind = "video";
  if (host === "youtu.be") id = parts[0];
  else if (parts[0] === "watch") id = url.searchParams.get("v") ?? undefined;
  else if (parts[0] === "shorts") {
    id = parts[1];
    kind = "short";
  } else if (parts[0] === "embed" || parts[0] === "live" || parts[0] === "v") id = parts[1];
  return id && YOUTUBE_ID.test(id) ? embed("youtube", kind, id, timed) : LINK;
}

function vimeo(url: URL, host: string): UrlLine {
  const parts = segments(url);
  if (host === "player.vimeo.com") {
    const [video, id] = parts;
    const hash = url.searchParams.get("h");
    if (video !== "video" || !id || !DIGITS.test(id)) return LINK;
    return embed("vimeo", "video", id, hash && VIMEO_HASH.test(hash) ? { hash } : {});
  }
  // vimeo.com/<id>, vimeo.com/<id>/<hash> (unlisted), vimeo.com/channels/<name>/<id>.
  const start = parts[0] === "channels" ? 2 : 0;
  const id = parts[start];
  const hash = parts[start + 1];
  if (!id || !DIGITS.test(id) || parts.length > start + 2) return LINK;
  if (hash !== undefined && !VIMEO_HASH.test(hash)) return LINK;
  return embed("vimeo", "video", id, hash ? { hash } : {});
}

function x(url: URL): UrlLine {
  const parts = segments(url);
  // x.com/<account>/status/<id>, x.com/i/web/status/<id>, x.com/i/status/<id>.
  const at = parts.findIndex((part) => part === "status" || part === "statuses");
  const id = at > 0 ? parts[at + 1] : undefined;
  if (!id || !DIGITS.test(id)) return LINK;
  const account = parts[0];
  const named = at === 1 && account && account !== "i" && X_ACCOUNT.test(account);
  return embed("x", "post", id, named ? { account } : {});
}

const INSTAGRAM_KINDS: Readonly<Record<string, EmbedKind>> = {
  p: "post",
  reel: "reel",
  reels: "reel",
  tv: "video",
};

function instagram(url: URL): UrlLine {
  const parts = segments(url);
  // instagram.com/p/<code>/, /reel/<code>/, /tv/<code>/, also after the account's name.
  const at = parts.findIndex((part) => part in INSTAGRAM_KINDS);
  const code = at >= 0 && at <= 1 ? parts[at + 1] : undefined;
  const kind = at >= 0 ? INSTAGRAM_KINDS[parts[at] ?? ""] : undefined;
  return code && kind && INSTAGRAM_CODE.test(code) ? embed("instagram", kind, code) : LINK;
}

function tiktok(url: URL, host: string): UrlLine {
  const parts = segments(url);
  if (host === "vm.tiktok.com" || host === "vt.tiktok.com" || parts[0] === "t") {
    return {
      kind: "short-link",
      provider: "tiktok",
      full: "https://www.tiktok.com/@account/video/1234567890123456789",
    };
  }
  const [handle, video, id] = parts;
  const account = handle?.startsWith("@") ? handle.slice(1) : undefined;
  if (!account || !TIKTOK_ACCOUNT.test(account) || video !== "video" || !id || !DIGITS.test(id)) {
    return LINK;
  }
  return embed("tiktok", "video", id, { account });
}

const SPOTIFY_KINDS: readonly EmbedKind[] = [
  "track",
  "album",
  "playlist",
  "episode",
  "show",
  "artist",
];

function spotify(url: URL): UrlLine {
  // open.spotify.com/[intl-xx/][embed/]<type>/<id>
  const parts = segments(url).filter((part) => !/^intl-[a-z-]+$/i.test(part) && part !== "embed");
  const [type, id] = parts;
  const kind = SPOTIFY_KINDS.find((candidate) => candidate === type);
  return kind && id && SPOTIFY_ID.test(id) && parts.length === 2
    ? embed("spotify", kind, id)
    : LINK;
}

/**
 * What a URL alone on a line is: an embed (with its provider, kind and id), a provider's short
 * link (which cannot be embedded without looking it up), or a plain link.
 *
 * @example recognizeUrl("https://youtu.be/dQw4w9WgXcQ?t=42")
 * // { kind: "embed", embed: { provider: "youtube", kind: "video", id: "dQw4w9WgXcQ", start: 42 } }
 */
export function recognizeUrl(text: string): UrlLine {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return LINK;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return LINK;
  if (url.username || url.password || url.port) return LINK;
  const host = bareHost(url);
  switch (host) {
    case "youtube.com":
    case "youtu.be":
    case "youtube-nocookie.com":
      return youtube(url, host);
    case "vimeo.com":
    case "player.vimeo.com":
      return vimeo(url, host);
    case "x.com":
    case "twitter.com":
      return x(url);
    case "instagram.com":
      return instagram(url);
    case "tiktok.com":
    case "vm.tiktok.com":
    case "vt.tiktok.com":
      return tiktok(url, host);
    case "open.spotify.com":
      return spotify(url);
    case "spotify.link":
      return {
        kind: "short-link",
        provider: "spotify",
        full: "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC",
      };
    default:
      return LINK;
  }
}

/** Each provider's name as readers know it. */
export const PROVIDER_NAMES: Readonly<Record<EmbedProvider, string>> = {
  youtube: "YouTube",
  vimeo: "Vimeo",
  x: "X",
  instagram: "Instagram",
  tiktok: "TikTok",
  spotify: "Spotify",
};
