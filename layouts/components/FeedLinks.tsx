import type { Site } from "../../scripts/content/model.ts";
import { channelLinks } from "../../scripts/site/feeds/discovery.ts";

/** `<link rel="alternate">` for one more channel than the site's, for a page that has its own. */
export function FeedLinks({
  site,
  folder,
  title,
}: {
  readonly site: Site;
  readonly folder: string;
  readonly title: string;
}) {
  return (
    <>
      {channelLinks(site, folder, title).map((feed) => (
        <link rel="alternate" type={feed.type} title={feed.title} href={feed.href} />
      ))}
    </>
  );
}
