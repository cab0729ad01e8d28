import type { AuthorListing } from "../scripts/site/editorial-specs.ts";
import type { PageContext } from "../scripts/site/page-context.ts";
import { authorPath, href } from "../scripts/site/urls.ts";
import { AuthorPhoto } from "./components/AuthorPhoto.tsx";
import { Breadcrumbs } from "./components/Breadcrumbs.tsx";
import { Page } from "./Page.tsx";

/** `/authors/`: every author with a profile, by name, each linking to their page. */
export function AuthorsPage({
  context,
  path,
  profiles,
}: {
  readonly context: PageContext;
  readonly path: string;
  readonly profiles: readonly AuthorListing[];
}) {
  const { site } = context;
  return (
    <Page
      context={context}
      title="Authors"
      description={`The journalists who write for ${site.name}.`}
      path={path}
    >
      <div class="listing">
        <Breadcrumbs
          trail={[
            { name: "Home", path: "/" },
            { name: "Authors", path },
          ]}
          currentPath={path}
          site={site}
        />
        <h1 class="listing-heading">Authors</h1>
        <ul class="author-list">
          {profiles.map((profile) => (
            <li>
              {profile.photo ? (
                <AuthorPhoto photo={profile.photo} size="listing" site={site} />
              ) : null}
              <p>
                <a href={href(site, authorPath(profile.slug))}>{profile.name}</a>
                {profile.role ? <span class="profile-role">{profile.role}</span> : null}
              </p>
            </li>
          ))}
        </ul>
      </div>
    </Page>
  );
}
