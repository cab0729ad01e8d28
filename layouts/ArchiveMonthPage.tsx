import type { DateTime } from "luxon";
import { archiveTitle, dayLabel, monthLabel, timeLabel } from "../scripts/site/archive-labels.ts";
import type { MonthLink } from "../scripts/site/archives.ts";
import { archiveTrail } from "../scripts/site/breadcrumbs.ts";
import type { ItemView } from "../scripts/site/card-view.ts";
import { displayTime } from "../scripts/site/dates.ts";
import type { PageContext } from "../scripts/site/page-context.ts";
import type { StreamRef } from "../scripts/site/streams.ts";
import { href } from "../scripts/site/urls.ts";
import { Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { KindLabel } from "./components/KindLabel.tsx";
import { Page } from "./Page.tsx";

/** An archive row as the page takes it. */
export interface ArchiveRow {
  readonly view: ItemView;
  readonly date: DateTime;
}

export interface ArchiveMonthPageProps {
  readonly context: PageContext;
  readonly stream: StreamRef;
  readonly path: string;
  /** `2026-11`. */
  readonly month: string;
  readonly pageNumber: number;
  readonly previousPath?: string;
  readonly nextPath?: string;
  readonly previousMonth?: MonthLink;
  readonly nextMonth?: MonthLink;
  /** Oldest first. */
  readonly rows: readonly ArchiveRow[];
}

/** The month's links: neighbouring months, and earlier and later pages of this month. */
function MonthNavigation(props: ArchiveMonthPageProps & { readonly label: string }) {
  const { site } = props.context;
  const links = [
    props.previousMonth ? (
      <a href={href(site, props.previousMonth.path)} rel="prev">
        <span aria-hidden="true">← </span>
        {monthLabel(props.previousMonth.key, site)}
      </a>
    ) : null,
    props.previousPath ? (
      <a href={href(site, props.previousPath)} rel="prev">
        <span aria-hidden="true">← </span>Earlier in {props.label}
      </a>
    ) : null,
    props.nextPath ? (
      <a href={href(site, props.nextPath)} rel="next">
        Later in {props.label}
        <span aria-hidden="true"> →</span>
      </a>
    ) : null,
    props.nextMonth ? (
      <a href={href(site, props.nextMonth.path)} rel="next">
        {monthLabel(props.nextMonth.key, site)}
        <span aria-hidden="true"> →</span>
      </a>
    ) : null,
  ].filter(Boolean);
  if (links.length === 0) return null;
  return (
    <nav class="pagination" aria-label={`${props.label}: more stories`}>
      {links}
    </nav>
  );
}

/**
 * One page of a month of a stream's archive: its stories in the order they were published,
 * under a heading for each day.
 */
export function ArchiveMonthPage(props: ArchiveMonthPageProps) {
  const { context, stream, rows, pageNumber } = props;
  const { site } = context;
  const label = monthLabel(props.month, site);
  const heading = `${stream.kind === "home" ? "" : `${stream.name}: `}${label}${pageNumber > 1 ? ` (page ${pageNumber})` : ""}`;
  const days: [string, ArchiveRow[]][] = [];
  for (const row of rows) {
    const day = dayLabel(row.date, site);
    const last = days.at(-1);
    if (last && last[0] === day) last[1].push(row);
    else days.push([day, [row]]);
  }
  return (
    <Page
      context={context}
      title={heading}
      description={`${archiveTitle(stream)}: stories from ${label}.`}
      path={props.path}
      {...(stream.kind === "section" ? { section: stream.slug } : {})}
    >
      <div class="archive">
        <Breadcrumbs trail={archiveTrail(stream)} currentPath={props.path} site={site} />
        <h1 class="listing-heading">{heading}</h1>
        {days.map(([day, ofDay], index) => (
          <section class="archive-day" aria-labelledby={`day-${index + 1}`}>
            <h2 id={`day-${index + 1}`}>{day}</h2>
            <ol class="archive-rows">
              {ofDay.map((row) => (
                <li>
                  <time datetime={displayTime(row.date, site).iso}>
                    {timeLabel(row.date, site)}
                  </time>{" "}
                  {row.view.kind ? (
                    <>
                      <KindLabel kind={row.view.kind} ended={row.view.ended} />{" "}
                    </>
                  ) : null}
                  <a href={href(site, row.view.url)}>{row.view.title}</a>
                  {stream.kind === "section" ? null : (
                    <span class="archive-section"> {row.view.section}</span>
                  )}
                </li>
              ))}
            </ol>
          </section>
        ))}
        <MonthNavigation {...props} label={label} />
      </div>
    </Page>
  );
}
