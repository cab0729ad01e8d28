import { reviveSummary } from "../../scripts/content/card.ts";
import type { LiveSpec } from "../../scripts/site/live-specs.ts";
import { articleOf, cardModel, type RenderBatch } from "../../scripts/site/render-batch.ts";
import { LiveBlogPage } from "../LiveBlogPage.tsx";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: LiveSpec;
}

/** Each live blog's first page of the batch, at /<section>/<slug>/. */
export const data = {
  pagination: { data: "broadsheet.pages.live", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet, spec }: TemplateData) {
  // The blog as parsed, dated by its newest update (the card the plan gave it).
  const article = {
    ...articleOf(broadsheet, spec.record),
    ...reviveSummary(spec.card, broadsheet.root),
  };
  return (
    <LiveBlogPage
      context={broadsheet.context}
      article={article}
      live={spec}
      {...(spec.image ? { image: spec.image } : {})}
      {...(spec.thumbnail ? { thumbnail: spec.thumbnail } : {})}
      {...(spec.bodyImages ? { bodyImages: spec.bodyImages } : {})}
      related={spec.related.map(cardModel)}
      {...(spec.byline ? { byline: spec.byline } : {})}
    />
  );
}
