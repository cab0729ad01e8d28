import type { Site } from "../../scripts/content/model.ts";
import { href, topicPath } from "../../scripts/site/urls.ts";

/** The article's topics, each linking to its topic page. */
export function Tags({ tags, site }: { readonly tags: readonly string[]; readonly site: Site }) {
  if (tags.length === 0) return null;
  return (
    <nav class="tags" aria-label="Topics" data-pagefind-ignore>
      <h2 class="tags-heading">Topics</h2>
      <ul>
        {tags.map((tag) => (
          <li>
            <a href={href(site, topicPath(tag))}>{tag}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
