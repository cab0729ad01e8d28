import type { FrontSpec } from "../../scripts/site/page-specs.ts";
import { cardModel, moment, type RenderBatch } from "../../scripts/site/render-batch.ts";
import type { FrontContainerModel } from "../components/FrontStory.tsx";
import { FrontPage } from "../FrontPage.tsx";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: FrontSpec;
}

/** Front pages of the batch: the home page, sections, topics. */
export const data = {
  pagination: { data: "broadsheet.pages.front", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet, spec }: TemplateData) {
  const curated = spec.curated;
  const containers = curated?.containers?.map(
    (container): FrontContainerModel => ({
      ...container,
      cards: container.cards.map((card) => ({ ...card, date: moment(card.view.date) })),
    }),
  );
  return (
    <FrontPage
      context={broadsheet.context}
      stream={spec.stream}
      cards={spec.cards.map(cardModel)}
      hasOlder={spec.hasOlder}
      {...(curated
        ? {
            curated: {
              ...(curated.banner ? { banner: curated.banner } : {}),
              ...(containers ? { containers } : {}),
            },
          }
        : {})}
    />
  );
}
