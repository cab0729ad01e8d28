import { archiveTitle, monthLabel } from "../scripts/site/archive-labels.ts";
import type { ArchiveIndexMonth } from "../scripts/site/archives.ts";
import { streamTrail } from "../scripts/site/breadcrumbs.ts";
import type { PageContext } from "../scripts/site/page-context.ts";
import type { StreamRef } from "../scripts/site/streams.ts";
import { href } from "../scripts/site/urls.ts";
import { Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { Page } from "./Page.tsx";

export interface ArchiveIndexPageProps {
  readonly context: PageContext;
  readonly stream: StreamRef;
  /** Newest first. */
  readonly months: readonly ArchiveIndexMonth[];
}

/** A stream's archive: every month that has stories, by year, newest first, with its count. */
export function ArchiveIndexPage({ context, stream, months }: ArchiveIndexPageProps) {
  const { site } = context;
  const title = archiveTitle(stream);
  const years = new Map<string, ArchiveIndexMonth[]>();
  for (const month of months) {
    const year = month.key.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), month]);
  }
  const trail = stream.kind === "home" ? [{ name: "Home", path: "/" }] : streamTrail(stream);
  return (
    <Page
      context={context}
      title={title}
      description={`Every story ${stream.kind === "home" ? "" : `in ${stream.name} `}from ${site.name}, month by month.`}
      path={stream.archivePath}
      {...(stream.kind === "section" ? { section: stream.slug } : {})}
    >
      <div class="archive">
        <Breadcrumbs trail={trail} currentPath={stream.archivePath} site={site} />
        <h1 class="listing-heading">{title}</h1>
        {months.length === 0 ? <p class="empty-listing">No stories yet.</p> : null}
        {[...years].map(([year, ofYear]) => (
          <section class="archive-year" aria-labelledby={`year-${year}`}>
            <h2 id={`year-${year}`}>{year}</h2>
            <ul class="archive-months">
              {ofYear.map((month) => (
                <li>
                  <a href={href(site, month.path)}>{monthLabel(month.key, site)}</a>{" "}
                  <span class="archive-count">
                    ({month.count} {month.count === 1 ? "story" : "stories"})
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Page>
  );
}
