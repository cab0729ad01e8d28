/**
 * The feeds: the site's channel, each section's and each author's, in Atom, RSS and JSON Feed.
 * A feed's key holds every item's record, images and byline, and the channel's updated time.
 */
import { bylineOf, feedAuthors } from "../site/bylines.ts";
import { FEED_SIZE, feedPath } from "../site/feeds/channels.ts";
import { FEED_FORMATS } from "../site/feeds/outputs.ts";
import { feedSiteOf } from "../site/page-specs.ts";
import { bodyImageKeys, bodyImages, type PlannedArticle } from "../site/planned-article.ts";
import { lastModified } from "../site/sitemaps/parts.ts";
import { jsonKey, keyOf } from "./hashing.ts";
import type { PlanInput } from "./page-plan.ts";
import type { Add } from "./plan-listings.ts";

/** A feed channel: where its files go, what it is called, and its stories (newest first). */
export interface Channel {
  readonly folder: string;
  readonly title: string;
  readonly description: string;
  readonly chosen: readonly PlannedArticle[];
}

/** The site's channel and `others` (each section's, each author's), in every format. */
export function planFeeds(add: Add, input: PlanInput, others: readonly Channel[]) {
  const { site, articles } = input;
  const feedSite = feedSiteOf(site);
  const newestOf = (chosen: readonly PlannedArticle[]) =>
    chosen.reduce<{ iso: string; ms: number } | undefined>((latest, article) => {
      const moment = lastModified(article);
      return !latest || moment.ms > latest.ms ? moment : latest;
    }, undefined);
  // An empty channel is dated by the whole site's newest change, an empty site by the build's
  // now: never the clock, so builds are reproducible.
  const fallback = newestOf(articles.slice(0, FEED_SIZE))?.iso ?? input.nowIso;
  const channels: Channel[] = [
    {
      folder: "/",
      title: site.name,
      description: `The latest news from ${site.name}.`,
      chosen: articles,
    },
    ...others,
  ];
  for (const channel of channels) {
    const items = channel.chosen.slice(0, FEED_SIZE);
    const updated = newestOf(items)?.iso ?? fallback;
    for (const format of FEED_FORMATS) {
      const path = feedPath(channel.folder, format);
      add(
        "feed",
        path,
        keyOf(
          jsonKey(feedSite),
          format,
          channel.folder,
          channel.title,
          channel.description,
          updated,
          ...items.flatMap((item) => [
            item.recordKey,
            item.media.image?.key ?? "-",
            item.media.thumbnail?.key ?? "-",
            ...bodyImageKeys(item.media),
            jsonKey(feedAuthors(bylineOf(item))),
          ]),
        ),
        () => ({
          kind: "feed",
          path,
          site: feedSite,
          format,
          folder: channel.folder,
          title: channel.title,
          description: channel.description,
          updated,
          items: items.map((item) => {
            const authors = feedAuthors(bylineOf(item));
            return {
              record: item.record,
              card: item.card,
              ...(item.media.image ? { image: item.media.image.image } : {}),
              ...(item.media.thumbnail ? { thumbnail: item.media.thumbnail.image } : {}),
              ...bodyImages(item.media),
              ...(authors.length > 0 ? { authors } : {}),
            };
          }),
        }),
      );
    }
  }
}
