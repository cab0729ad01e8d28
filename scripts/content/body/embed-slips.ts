/**
 * URLs alone on a line that were meant as embeds but cannot be one (CONTENT.md, "Galleries, pull
 * quotes and embeds"), so the build stops at their line instead of publishing a bare link:
 *
 * - a host a typing slip away from a provider's (`youtub.com`, `vimeo.co`, `instagram.con`),
 *   when the same address on the provider's host is a post or player: the fix is that address;
 * - a provider's post or player address the build cannot read (a YouTube id of the wrong length,
 *   a post number with letters in it): the fix says what the id looks like.
 *
 * A provider's other pages (a channel, a profile) and any other site stay links, as before. The
 * escape hatch for a URL that is what it is: write it as a Markdown link, `[text](url)`.
 */

import { slipDistance } from "../suggest.ts";
import type { EmbedProvider } from "./blocks.ts";
import { PROVIDER_NAMES, recognizeUrl } from "./embed-url.ts";

/** Why a URL line is not the embed it looks like, and what to write instead. */
export interface EmbedSlip {
  readonly provider: EmbedProvider;
  /** What is wrong, after "The URL on line N (<url>) ". */
  readonly problem: string;
  /** The address the editor most likely meant, when the build can tell. */
  readonly intended?: string;
  /** What the right address looks like, when it cannot. */
  readonly shape?: string;
}

/** Each provider's hosts, as typed in addresses (without `www.`). */
const PROVIDER_HOSTS: readonly (readonly [string, EmbedProvider])[] = [
  ["youtube.com", "youtube"],
  ["youtu.be", "youtube"],
  ["vimeo.com", "vimeo"],
  ["twitter.com", "x"],
  ["instagram.com", "instagram"],
  ["tiktok.com", "tiktok"],
  ["open.spotify.com", "spotify"],
];

/** Hosts too short to tell a slip from another site (`x.co` is a real shortener). */
const MIN_HOST = 7;

/** One edit (a letter missing, extra, wrong, or two swapped), two in hosts of 12 letters or more. */
function isHostSlip(host: string, known: string): boolean {
  if (host === known || known.length < MIN_HOST) return false;
  const allowed = known.length >= 12 ? 2 : 1;
  return Math.abs(host.length - known.length) <= allowed && slipDistance(host, known) <= allowed;
}

/** The address with its host replaced by `host` (keeping `www.` when it was typed). */
function onHost(url: URL, host: string): string {
  const fixed = new URL(url.href);
  fixed.hostname = url.hostname.toLowerCase().startsWith("www.") ? `www.${host}` : host;
  return fixed.href;
}

function hostSlip(url: URL): EmbedSlip | undefined {
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, "");
  for (const [known, provider] of PROVIDER_HOSTS) {
    if (!isHostSlip(host, known)) continue;
    const intended = onHost(url, known);
    if (recognizeUrl(intended).kind !== "embed" && !unreadablePost(new URL(intended))) continue;
    return {
      provider,
      problem: `is on ${host}, a typing slip away from ${PROVIDER_NAMES[provider]}'s ${known}, so it would be published as a bare link`,
      intended,
    };
  }
  return undefined;
}

/** The id after a marker segment (`/status/<id>`), or undefined when the marker is not there. */
function after(parts: readonly string[], marker: string): string | undefined {
  const at = parts.indexOf(marker);
  return at >= 0 ? (parts[at + 1] ?? "") : undefined;
}

/**
 * A provider's post or player address whose id cannot be read: the shape of the right one.
 * Addresses of a provider's other pages (channels, profiles) are not posts, and not reported.
 */
function unreadablePost(url: URL): EmbedSlip | undefined {
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile)\./, "");
  const parts = url.pathname.split("/").filter(Boolean);
  const youtube = (id: string): EmbedSlip => ({
    provider: "youtube",
    problem:
      id === ""
        ? "is a YouTube video address without the video's id"
        : `names the YouTube video "${id}", which is ${id.length} character${id.length === 1 ? "" : "s"} long: YouTube's ids are 11 letters, digits, - or _`,
    shape:
      "https://www.youtube.com/watch?v= followed by the 11-character id (copy it again from YouTube's Share button)",
  });
  switch (host) {
    case "youtube.com":
    case "youtube-nocookie.com": {
      const id =
        parts[0] === "watch"
          ? (url.searchParams.get("v") ?? "")
          : ["shorts", "embed", "live", "v"].includes(parts[0] ?? "")
            ? (parts[1] ?? "")
            : undefined;
      return id !== undefined && !/^[A-Za-z0-9_-]{11}$/.test(id) ? youtube(id) : undefined;
    }
    case "youtu.be": {
      const id = parts[0] ?? "";
      return /^[A-Za-z0-9_-]{11}$/.test(id) ? undefined : youtube(id);
    }
    case "x.com":
    case "twitter.com": {
      const id = after(parts, "status");
      return id !== undefined && !/^\d{1,20}$/.test(id)
        ? {
            provider: "x",
            problem: `names the post "${id}": a post's number is digits only`,
            shape:
              "https://x.com/<account>/status/<the post's number> (copy it again from the post's Share menu)",
          }
        : undefined;
    }
    case "instagram.com": {
      const kind = ["p", "reel", "reels", "tv"].find((marker) => parts.includes(marker));
      const code = kind === undefined ? undefined : after(parts, kind);
      return code !== undefined && !/^[A-Za-z0-9_-]{5,40}$/.test(code)
        ? {
            provider: "instagram",
            problem: `names the Instagram post "${code}", which is not a post's code`,
            shape:
              "https://www.instagram.com/p/<the post's code>/ (copy it again from the post's ... menu)",
          }
        : undefined;
    }
    case "tiktok.com": {
      const id = after(parts, "video");
      return id !== undefined && !/^\d{1,20}$/.test(id)
        ? {
            provider: "tiktok",
            problem: `names the TikTok video "${id}": a video's number is digits only`,
            shape: "https://www.tiktok.com/@<account>/video/<the video's number>",
          }
        : undefined;
    }
    case "open.spotify.com": {
      const kinds = ["track", "album", "playlist", "episode", "show", "artist"];
      const at = parts.findIndex((part) => kinds.includes(part));
      const id = at >= 0 ? (parts[at + 1] ?? "") : undefined;
      return id !== undefined && !/^[A-Za-z0-9]{22}$/.test(id)
        ? {
            provider: "spotify",
            problem: `names the Spotify ${parts[at]} "${id}", which is ${id.length} characters long: Spotify's ids are 22 letters and digits`,
            shape: `https://open.spotify.com/${parts[at]}/<the 22-character id> (copy it again with Share > Copy link)`,
          }
        : undefined;
    }
    case "player.vimeo.com": {
      const id = after(parts, "video");
      return id !== undefined && !/^\d{1,20}$/.test(id)
        ? {
            provider: "vimeo",
            problem: `names the Vimeo video "${id}": a video's number is digits only`,
            shape: "https://vimeo.com/<the video's number>",
          }
        : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Why a URL alone on a line is not the embed it looks like, or undefined when it is an embed or
 * a plain link (see the module comment).
 */
export function embedSlip(text: string): EmbedSlip | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (recognizeUrl(text).kind !== "link") return undefined;
  return hostSlip(url) ?? unreadablePost(url);
}

/** The words for a slip on `line`: the message and the fix. */
export function slipWords(
  slip: EmbedSlip,
  url: string,
  line: number,
): { message: string; fix: string } {
  const name = PROVIDER_NAMES[slip.provider];
  const asLink = `To publish it as a plain link instead, write it as a Markdown link: [${name}](${url}).`;
  return {
    message: `The URL on line ${line} (${url}) ${slip.problem}.`,
    fix: slip.intended
      ? `Did you mean ${slip.intended}? Write that address on the line to embed it. ${asLink}`
      : `Write the address as ${slip.shape}. ${asLink}`,
  };
}
