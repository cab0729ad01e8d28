import type { ComponentChildren } from "preact";
import type { Article, Site } from "../../scripts/content/model.ts";
import { articleTrail } from "../../scripts/site/breadcrumbs.ts";
import type { BylineSpec } from "../../scripts/site/bylines.ts";
import { curl } from "../../scripts/site/typography.ts";
import { Breadcrumbs } from "./Breadcrumbs.tsx";
import { Byline } from "./Byline.tsx";
import { CorrectionNotice } from "./Corrections.tsx";
import { Timestamp } from "./Timestamp.tsx";

interface StoryHeaderProps {
  readonly article: Article;
  readonly site: Site;
  /** The authors resolved against their profiles (absent for agency and staff stories). */
  readonly byline?: readonly BylineSpec[] | undefined;
  /** Whether the credit is shown (a sponsored piece is never credited to the newsroom). */
  readonly credited: boolean;
  /** The line above the headline: a kind label, the sponsored notice, or nothing. */
  readonly label?: ComponentChildren;
  /** What follows the times (a live blog's "ended" line). */
  readonly children?: ComponentChildren;
}

/**
 * A story's header, articles and live blogs alike: breadcrumbs, its label, the headline and
 * standfirst (curled for display), the correction notice, then the credit and the times.
 */
export function StoryHeader({
  article,
  site,
  byline,
  credited,
  label,
  children,
}: StoryHeaderProps) {
  return (
    <header class="story-header">
      <Breadcrumbs
        trail={articleTrail(article).slice(0, -1)}
        currentPath={article.url}
        site={site}
      />
      {label}
      <h1>{curl(article.title)}</h1>
      {article.standfirst ? <p class="standfirst">{curl(article.standfirst)}</p> : null}
      <CorrectionNotice corrections={article.corrections} site={site} />
      <div class="story-meta">
        {credited ? (
          <Byline credit={article.credit} site={site} {...(byline ? { authors: byline } : {})} />
        ) : null}
        <p class="timestamps">
          <span class="published">
            <span class="visually-hidden">Published </span>
            <Timestamp moment={article.date} site={site} />
          </span>
          {article.updated ? (
            <span class="updated">
              Updated <Timestamp moment={article.updated} site={site} />
            </span>
          ) : null}
        </p>
      </div>
      {children}
    </header>
  );
}
