import { streamTrail } from "../scripts/site/breadcrumbs.ts";
import type { ShownBanner } from "../scripts/site/fronts.ts";
import type { CardModel, PageContext } from "../scripts/site/page-context.ts";
import { homeGraph } from "../scripts/site/publisher.ts";
import type { StreamRef } from "../scripts/site/streams.ts";
import { href } from "../scripts/site/urls.ts";
import { Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { BreakingBanner } from "./components/BreakingBanner.tsx";
import { FrontContainers } from "./components/FrontContainer.tsx";
import type { FrontContainerModel } from "./components/FrontStory.tsx";
import { JsonLd } from "./components/JsonLd.tsx";
import { StoryCard } from "./components/StoryCard.tsx";
import { Page } from "./Page.tsx";

/** The words a front page's heading and meta description use. */
function describe(stream: StreamRef, siteName: string): { heading: string; description: string } {
  switch (stream.kind) {
    case "home":
      return { heading: siteName, description: `The latest news from ${siteName}.` };
    case "section":
      return { heading: stream.name, description: `${stream.name} news from ${siteName}.` };
    case "topic":
      return {
        heading: stream.name,
        description: `Stories about ${stream.name} from ${siteName}.`,
      };
    case "author":
      return { heading: stream.name, description: `Stories by ${stream.name} from ${siteName}.` };
  }
}

export interface FrontPageProps {
  readonly context: PageContext;
  readonly stream: StreamRef;
  /** The latest stories, newest first. */
  readonly cards: readonly CardModel[];
  /** Whether the stream has stories older than those shown. */
  readonly hasOlder: boolean;
  /** What a front file (content/fronts/) puts on the page: the banner, the containers. */
  readonly curated?: {
    readonly banner?: ShownBanner;
    readonly containers?: readonly FrontContainerModel[];
  };
}

/**
 * A stream's front page: the home page, a section, a topic. It shows the latest stories and
 * links to the stream's archive by month, where every older story stays.
 */
export function FrontPage({ context, stream, cards, hasOlder, curated }: FrontPageProps) {
  const { site, assets } = context;
  const { heading, description } = describe(stream, site.name);
  const isHome = stream.kind === "home";
  const trail = streamTrail(stream);
  const banner = curated?.banner;
  const containers = curated?.containers;
  // The front page has the banner in its HTML (article pages draw it from /breaking.json). While
  // it has an `until`, its script runs before the page is drawn (not deferred), so a banner whose
  // time passed before the next build is never drawn, rather than drawn and then taken away.
  const head = (
    <>
      {/* The publisher and its policies: the home page is where Google looks for them. */}
      {isHome ? (
        <JsonLd graph={homeGraph(site, context.assets.logo, context.policies ?? [])} />
      ) : null}
      {containers ? <link rel="stylesheet" href={href(site, assets.fronts)} /> : null}
      {banner?.until ? (
        <script src={href(site, assets.breaking)} data-breaking-until={banner.until} />
      ) : null}
    </>
  );
  return (
    <Page
      context={context}
      title={heading}
      description={description}
      path={stream.path}
      {...(stream.kind === "section" ? { section: stream.slug } : {})}
      {...(isHome || containers || banner?.until ? { head } : {})}
    >
      <div class="listing">
        {trail.length > 0 ? (
          <Breadcrumbs trail={trail} currentPath={stream.path} site={site} />
        ) : null}
        <h1 class={isHome ? "visually-hidden" : "listing-heading"}>{heading}</h1>
        {banner ? <BreakingBanner banner={banner} site={site} /> : null}
        {containers ? (
          <FrontContainers containers={containers} site={site} />
        ) : (
          <>
            {cards.length === 0 ? <p class="empty-listing">No stories yet.</p> : null}
            <div class="story-grid">
              {cards.map((card, index) => (
                <StoryCard
                  card={card}
                  site={site}
                  variant={isHome && index === 0 ? "lead" : "standard"}
                  loading={index === 0 ? "priority" : "lazy"}
                  // A section's own page does not label its stories with its name.
                  showSection={stream.kind !== "section"}
                />
              ))}
            </div>
          </>
        )}
        <nav class="archive-link" aria-label={`${heading}: older stories`}>
          <a href={href(site, stream.archivePath)}>
            {hasOlder ? "Older stories: the archive by month" : "The archive by month"}
            <span aria-hidden="true"> →</span>
          </a>
        </nav>
      </div>
    </Page>
  );
}
