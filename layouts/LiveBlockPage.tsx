import { bodyAssets } from "../scripts/site/body-assets.ts";
import { blockPath, liveIndexPath } from "../scripts/site/live-paging.ts";
import type { LiveBlockSpec } from "../scripts/site/live-specs.ts";
import type { PageContext } from "../scripts/site/page-context.ts";
import { href, sectionPath } from "../scripts/site/urls.ts";
import { Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { LiveUpdate } from "./components/LiveUpdate.tsx";
import { Page } from "./Page.tsx";

/** Links to the blog's latest updates and to the blocks either side of this one. */
function BlockLinks({
  spec,
  context,
  label,
}: {
  readonly spec: LiveBlockSpec;
  readonly context: PageContext;
  readonly label: string;
}) {
  const { site } = context;
  return (
    <nav class="live-block-links" aria-label={label}>
      <a href={href(site, spec.blog.url)}>Latest updates</a>
      {spec.hasNewer ? (
        <a href={href(site, blockPath(spec.blog.url, spec.block + 1))} rel="prev">
          Newer updates
        </a>
      ) : null}
      {spec.block > 0 ? (
        <a href={href(site, blockPath(spec.blog.url, spec.block - 1))} rel="next">
          Older updates
        </a>
      ) : null}
    </nav>
  );
}

/**
 * A page of a live blog's updates, a block counted from the oldest (scripts/site/live-paging.ts):
 * where the permanent links of its updates lead. Once the first page has moved past it, nothing
 * added to the blog changes it.
 */
export function LiveBlockPage({
  spec,
  context,
}: {
  readonly spec: LiveBlockSpec;
  readonly context: PageContext;
}) {
  const { site, assets } = context;
  const { blog } = spec;
  const range = `updates ${spec.from} to ${spec.to}`;
  const body = bodyAssets(
    spec.updates.flatMap((update) => update.body),
    assets,
  );
  return (
    <Page
      context={context}
      title={`${blog.title}: ${range}`}
      description={`Live coverage, ${range}: ${blog.title}`}
      path={spec.path}
      section={blog.section.slug}
      head={[assets.liveBlog, ...body.styles].map((style) => (
        <link rel="stylesheet" href={href(site, style)} />
      ))}
      // The breaking-news banner, from /breaking.json, as on every article page; and the script
      // that sends a permanent link whose update has moved to the page that holds it now.
      scripts={[...body.scripts, assets.breaking, assets.livePermalink]}
    >
      <article
        class="story live-blog live-block"
        data-live-index={href(site, liveIndexPath(blog.url))}
        data-live-block={String(spec.block + 1)}
        data-live-pages={href(site, `${blog.url}updates/`)}
      >
        <header class="story-header">
          <Breadcrumbs
            trail={[
              { name: "Home", path: "/" },
              { name: blog.section.name, path: sectionPath(blog.section.slug) },
              { name: blog.title, path: blog.url },
            ]}
            currentPath={spec.path}
            site={site}
          />
          <p class="kicker">Live coverage, {range}</p>
          <h1>{blog.title}</h1>
          <BlockLinks spec={spec} context={context} label="Pages of this live blog" />
        </header>
        <section class="live-stream" aria-labelledby="live-stream-heading">
          <h2 id="live-stream-heading" class="visually-hidden">
            Updates {spec.from} to {spec.to}, newest first
          </h2>
          <div class="live-updates">
            {spec.updates.map((update) => (
              <LiveUpdate update={update} site={site} />
            ))}
          </div>
        </section>
        <BlockLinks spec={spec} context={context} label="More pages of this live blog" />
      </article>
    </Page>
  );
}
