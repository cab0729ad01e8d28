import { CORRECTION_LABELS } from "../scripts/content/kinds.ts";
import { monthLabel } from "../scripts/site/archive-labels.ts";
import type { Crumb } from "../scripts/site/breadcrumbs.ts";
import {
  CORRECTIONS_ARCHIVE,
  CORRECTIONS_PATH,
  correctionAnchor,
} from "../scripts/site/corrections.ts";
import type { CorrectionRow, CorrectionsView } from "../scripts/site/editorial-specs.ts";
import { feedPath } from "../scripts/site/feeds/channels.ts";
import type { PageContext } from "../scripts/site/page-context.ts";
import { moment } from "../scripts/site/render-batch.ts";
import { href } from "../scripts/site/urls.ts";
import { Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { FeedLinks } from "./components/FeedLinks.tsx";
import { KindLabel } from "./components/KindLabel.tsx";
import { Timestamp } from "./components/Timestamp.tsx";
import { Page } from "./Page.tsx";

export interface CorrectionsPageProps {
  readonly context: PageContext;
  readonly path: string;
  readonly view: CorrectionsView;
  /** Newest first. */
  readonly rows: readonly CorrectionRow[];
}

const HOME: Crumb = { name: "Home", path: "/" };
const CORRECTIONS: Crumb = { name: "Corrections", path: CORRECTIONS_PATH };
const ARCHIVE: Crumb = { name: "Archive", path: CORRECTIONS_ARCHIVE };

/** The page's heading and where it sits. */
function placeOf(view: CorrectionsView, language: string): { heading: string; trail: Crumb[] } {
  switch (view.type) {
    case "latest":
      return { heading: "Corrections and clarifications", trail: [HOME, CORRECTIONS] };
    case "month":
      return {
        heading: `Corrections: ${monthLabel(view.month, { language })}`,
        trail: [HOME, CORRECTIONS, ARCHIVE],
      };
    case "index":
      return { heading: "Corrections: archive", trail: [HOME, CORRECTIONS, ARCHIVE] };
  }
}

/** One correction: its type and time, the article it corrects (linked to it), and its text. */
function Row({ row, context }: { readonly row: CorrectionRow; readonly context: PageContext }) {
  const { site } = context;
  return (
    <li class="correction-row">
      <p class="correction-meta">
        <strong class={`correction-type correction-type-${row.type}`}>
          {CORRECTION_LABELS[row.type]}
        </strong>{" "}
        <Timestamp moment={moment(row.date)} site={site} />
      </p>
      <p class="correction-article">
        {row.articleKind ? (
          <>
            <KindLabel kind={row.articleKind} />{" "}
          </>
        ) : null}
        <a href={href(site, `${row.articleUrl}#${correctionAnchor(row.number)}`)}>
          {row.articleTitle}
        </a>
      </p>
      <p class="correction-text">{row.text}</p>
    </li>
  );
}

/**
 * The corrections the site has published: the latest (`/corrections/`), one month's, or the
 * index of months. Each links to the article, where the correction is shown in full.
 */
export function CorrectionsPage({ context, path, view, rows }: CorrectionsPageProps) {
  const { site } = context;
  const { heading, trail } = placeOf(view, site.language);
  return (
    <Page
      context={context}
      title={heading}
      description={`Corrections and clarifications published by ${site.name}, newest first.`}
      path={path}
      head={
        <FeedLinks site={site} folder={CORRECTIONS_PATH} title={`Corrections | ${site.name}`} />
      }
    >
      <div class="archive corrections-page">
        <Breadcrumbs trail={trail} currentPath={path} site={site} />
        <h1 class="listing-heading">{heading}</h1>
        {view.type === "latest" ? (
          <p class="corrections-intro">
            When we get something wrong, we put it right in the article and say so there and here,
            newest first.
          </p>
        ) : null}
        {view.type === "index" ? (
          view.months.length === 0 ? (
            <p class="empty-listing">No corrections yet.</p>
          ) : (
            <ul class="archive-months">
              {view.months.map((month) => (
                <li>
                  <a href={href(site, month.path)}>{monthLabel(month.key, site)}</a>{" "}
                  <span class="archive-count">
                    ({month.count} {month.count === 1 ? "correction" : "corrections"})
                  </span>
                </li>
              ))}
            </ul>
          )
        ) : rows.length === 0 ? (
          <p class="empty-listing">No corrections yet.</p>
        ) : (
          <ol class="correction-rows">
            {rows.map((row) => (
              <Row row={row} context={context} />
            ))}
          </ol>
        )}
        <nav class="pagination" aria-label="More corrections">
          {view.type === "month" && view.previousMonth ? (
            <a href={href(site, view.previousMonth.path)} rel="prev">
              <span aria-hidden="true">← </span>
              {monthLabel(view.previousMonth.key, site)}
            </a>
          ) : null}
          {view.type === "month" && view.nextMonth ? (
            <a href={href(site, view.nextMonth.path)} rel="next">
              {monthLabel(view.nextMonth.key, site)}
              <span aria-hidden="true"> →</span>
            </a>
          ) : null}
          {view.type === "latest" ? (
            <a href={href(site, CORRECTIONS_ARCHIVE)}>
              {view.hasOlder ? "Earlier corrections: the archive by month" : "The archive by month"}
            </a>
          ) : null}
          <a href={href(site, feedPath(CORRECTIONS_PATH, "atom"))}>Follow corrections by feed</a>
        </nav>
      </div>
    </Page>
  );
}
