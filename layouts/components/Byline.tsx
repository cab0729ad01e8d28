import type { ComponentChildren } from "preact";
import type { Credit, Site } from "../../scripts/content/model.ts";
import type { BylineSpec } from "../../scripts/site/bylines.ts";
import { curl } from "../../scripts/site/typography.ts";
import { href } from "../../scripts/site/urls.ts";
import { AuthorPhoto } from "./AuthorPhoto.tsx";

/** Items joined as a byline joins names: "A", "A and B", "A, B and C". */
function joined<T>(items: readonly T[], render: (item: T) => ComponentChildren) {
  return items.map((item, index) => (
    <>
      {index === 0 ? "" : index === items.length - 1 ? " and " : ", "}
      {render(item)}
    </>
  ));
}

/** One author's name: a link to the profile when there is one, else as written. */
function AuthorName({ author, site }: { readonly author: BylineSpec; readonly site: Site }) {
  return author.path ? (
    <a href={href(site, author.path)} rel="author">
      {curl(author.name)}
    </a>
  ) : (
    curl(author.name)
  );
}

interface BylineProps {
  readonly credit: Credit;
  readonly site: Site;
  /** The authors resolved against their profiles; the credit's names as written without it. */
  readonly authors?: readonly BylineSpec[];
}

/**
 * Who the story is by: its reporters (linked to their profiles, with their roles; a single
 * author's photo beside the name), the wire agencies it came from, or the newsroom.
 */
export function Byline({ credit, site, authors }: BylineProps) {
  switch (credit.kind) {
    case "authors": {
      const people = authors ?? credit.names.map((name): BylineSpec => ({ name }));
      const [only] = people;
      if (people.length === 1 && only) {
        return (
          <div class={only.photo ? "byline byline-with-photo" : "byline"}>
            {only.photo ? <AuthorPhoto photo={only.photo} size="byline" site={site} /> : null}
            <p class="byline-text">
              <span class="byline-names">
                By <AuthorName author={only} site={site} />
              </span>
              {only.role ? <span class="byline-role">{curl(only.role)}</span> : null}
            </p>
          </div>
        );
      }
      return (
        <p class="byline">
          By{" "}
          {joined(people, (author) => (
            <>
              <AuthorName author={author} site={site} />
              {author.role ? <span class="byline-role-inline"> ({author.role})</span> : null}
            </>
          ))}
        </p>
      );
    }
    case "agencies":
      return <p class="byline byline-agencies">{credit.names.join(", ")}</p>;
    case "staff":
      return <p class="byline">{site.name}</p>;
  }
}
