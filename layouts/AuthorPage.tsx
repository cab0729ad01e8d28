import { streamTrail } from "../scripts/site/breadcrumbs.ts";
import { profileGraph } from "../scripts/site/editorial-data.ts";
import type { ProfileView } from "../scripts/site/editorial-specs.ts";
import { feedPath } from "../scripts/site/feeds/channels.ts";
import type { CardModel, PageContext } from "../scripts/site/page-context.ts";
import type { StreamRef } from "../scripts/site/streams.ts";
import { curl } from "../scripts/site/typography.ts";
import { href } from "../scripts/site/urls.ts";
import { AuthorPhoto } from "./components/AuthorPhoto.tsx";
import { Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { FeedLinks } from "./components/FeedLinks.tsx";
import { JsonLd } from "./components/JsonLd.tsx";
import { SocialMeta } from "./components/SocialMeta.tsx";
import { StoryCard } from "./components/StoryCard.tsx";
import { Page } from "./Page.tsx";

export interface AuthorPageProps {
  readonly context: PageContext;
  readonly stream: StreamRef;
  readonly profile: ProfileView;
  /** The author's latest stories, newest first. */
  readonly cards: readonly CardModel[];
  readonly hasOlder: boolean;
}

/** `https://x.com/example` as readers read it: `x.com/example`. */
function linkText(url: string): string {
  const { host, pathname, search } = new URL(url);
  return `${host.replace(/^www\./, "")}${pathname === "/" ? "" : pathname}${search}`;
}

/**
 * An author's page: photo, name, role, biography and links, then the author's latest stories
 * and a link to all of them by month, with the author's own feeds.
 */
export function AuthorPage({ context, stream, profile, cards, hasOlder }: AuthorPageProps) {
  const { site } = context;
  const description = profile.bio ?? `Stories by ${profile.name} from ${site.name}.`;
  const head = (
    <>
      <FeedLinks site={site} folder={stream.path} title={`${profile.name} | ${site.name}`} />
      <SocialMeta
        site={site}
        title={profile.name}
        description={description}
        path={stream.path}
        icon={context.assets.shareIcon}
        {...(profile.photo
          ? { image: { file: profile.photo.crops.social, alt: profile.name } }
          : {})}
      />
      <JsonLd graph={profileGraph(profile, site, stream.path)} />
    </>
  );
  return (
    <Page
      context={context}
      title={profile.name}
      description={description}
      path={stream.path}
      head={head}
      ownSocialMeta
    >
      <div class="listing">
        <Breadcrumbs trail={streamTrail(stream)} currentPath={stream.path} site={site} />
        <header class="profile">
          {profile.photo ? (
            <AuthorPhoto photo={profile.photo} size="profile" site={site} alt={profile.name} />
          ) : null}
          <div class="profile-text">
            <h1 class="listing-heading">{curl(profile.name)}</h1>
            {profile.role ? <p class="profile-role">{curl(profile.role)}</p> : null}
            {profile.bio ? <p class="profile-bio">{curl(profile.bio)}</p> : null}
            {profile.links.length > 0 ? (
              <ul class="profile-links">
                {profile.links.map((link) => (
                  <li>
                    <a href={link} rel="me">
                      {linkText(link)}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </header>
        <h2 class="listing-subheading">Latest stories</h2>
        {cards.length === 0 ? <p class="empty-listing">No stories yet.</p> : null}
        <div class="story-grid">
          {cards.map((card) => (
            <StoryCard card={card} site={site} variant="standard" loading="lazy" level={3} />
          ))}
        </div>
        <nav class="archive-link" aria-label={`${profile.name}: older stories and feeds`}>
          <a href={href(site, stream.archivePath)}>
            {hasOlder ? "Older stories: the archive by month" : "The archive by month"}
            <span aria-hidden="true"> →</span>
          </a>{" "}
          <a class="feed-link" href={href(site, feedPath(stream.path, "atom"))}>
            Follow by feed
          </a>
        </nav>
      </div>
    </Page>
  );
}
