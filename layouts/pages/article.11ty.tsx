import type { Article } from "../../scripts/content/model.ts";
import type { SiteData } from "../../scripts/site/prepare.ts";
import { ArticlePage } from "../ArticlePage.tsx";

interface ArticleTemplateData {
  readonly broadsheet: SiteData;
  readonly article: Article;
}

/** One page per published article, at /<section>/<slug>/. */
export const data = {
  pagination: { data: "broadsheet.articles", size: 1, alias: "article" },
  permalink: (page: ArticleTemplateData) => page.article.url,
};

export function render({ broadsheet, article }: ArticleTemplateData) {
  return <ArticlePage data={broadsheet} article={article} />;
}
