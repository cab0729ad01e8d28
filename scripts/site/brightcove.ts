import type { BrightcoveVideo, Site } from "../content/model.ts";

/**
 * The Brightcove iframe player's page for a video: the facade's link without JavaScript, the
 * iframe's src with it, and the VideoObject's embedUrl.
 *
 * @example playerUrl({ brightcove: { accountId: "1", playerId: "default" } }, { id: "2" })
 * // "https://players.brightcove.net/1/default_default/index.html?videoId=2"
 */
export function playerUrl(
  site: Pick<Site, "brightcove">,
  video: Pick<BrightcoveVideo, "id">,
): string {
  const { accountId, playerId } = site.brightcove;
  return `https://players.brightcove.net/${accountId}/${playerId}_default/index.html?videoId=${video.id}`;
}

/** The origin the CSP must allow in frame-src for the player. */
export const BRIGHTCOVE_PLAYER_ORIGIN = "https://players.brightcove.net";
