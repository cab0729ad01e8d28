/**
 * One container of a front: its title as the heading its stories sit under, then its stories in
 * its layout. A container without a title has no heading of its own, and its stories' headlines
 * take the heading level a title would have had.
 */
import type { ComponentChildren } from "preact";
import type { Site } from "../../scripts/content/model.ts";
import { FrontGrid } from "./FrontContainerGrid.tsx";
import { FrontLead } from "./FrontContainerLead.tsx";
import { FrontList } from "./FrontContainerList.tsx";
import type { FrontContainerModel, HeadingLevel } from "./FrontStory.tsx";

interface FrontContainerProps {
  readonly container: FrontContainerModel;
  /** Its place on the page, from 0: the first container holds the page's first image. */
  readonly index: number;
  readonly site: Site;
}

export function FrontContainer({ container, index, site }: FrontContainerProps) {
  const id = `front-${index + 1}`;
  const level: HeadingLevel = container.title ? 3 : 2;
  const layout = `front-container front-${container.layout}`;
  const body = ((): ComponentChildren => {
    const props = { cards: container.cards, site, level, first: index === 0 };
    switch (container.layout) {
      case "lead":
        return <FrontLead {...props} />;
      case "grid":
        return <FrontGrid {...props} />;
      case "list":
        return <FrontList {...props} />;
    }
  })();
  if (!container.title) return <div class={layout}>{body}</div>;
  return (
    <section class={layout} aria-labelledby={id}>
      <h2 class="front-container-title" id={id}>
        {container.title}
      </h2>
      {body}
    </section>
  );
}

/** A front's containers, in order. */
export function FrontContainers({
  containers,
  site,
}: {
  readonly containers: readonly FrontContainerModel[];
  readonly site: Site;
}) {
  return (
    <div class="front">
      {containers.map((container, index) => (
        <FrontContainer container={container} index={index} site={site} />
      ))}
    </div>
  );
}
