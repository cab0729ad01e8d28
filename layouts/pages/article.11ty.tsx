import type { ArticleSpec } from "../../scripts/site/page-specs.ts";
import { articleOf, cardModel, type RenderBatch } from "../../scripts/site/render-batch.ts";
import { ArticlePage } from "../ArticlePage.tsx";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: ArticleSpec;
}

/** Each article of the batch, at /<section>/<slug>/. */
export const data = {
  pagination: { data: "broadsheet.pages.article", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet, spec }: TemplateData) {
  return (
    <ArticlePage
      context={broadsheet.context}
      article={articleOf(broadsheet, spec.record)}
      {...(spec.image ? { image: spec.image } : {})}
      {...(spec.thumbnail ? { thumbnail: spec.thumbnail } : {})}
      {...(spec.bodyImages ? { bodyImages: spec.bodyImages } : {})}
      related={spec.related.map(cardModel)}
      {...(spec.byline ? { byline: spec.byline } : {})}
    />
  );
}
