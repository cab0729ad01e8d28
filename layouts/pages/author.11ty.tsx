import type { AuthorSpec } from "../../scripts/site/editorial-specs.ts";
import { cardModel, type RenderBatch } from "../../scripts/site/render-batch.ts";
import { AuthorPage } from "../AuthorPage.tsx";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: AuthorSpec;
}

/** Author profile pages of the batch, at /authors/<slug>/. */
export const data = {
  pagination: { data: "broadsheet.pages.author", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet, spec }: TemplateData) {
  return (
    <AuthorPage
      context={broadsheet.context}
      stream={spec.stream}
      profile={spec.profile}
      cards={spec.cards.map(cardModel)}
      hasOlder={spec.hasOlder}
    />
  );
}
