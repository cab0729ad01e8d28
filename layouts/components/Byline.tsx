import type { Credit, Site } from "../../scripts/content/model.ts";

/** "Jane Tan", "Jane Tan and Ali Hassan", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Who the story is by: its reporters, the wire agencies it came from, or the newsroom. */
export function Byline({ credit, site }: { readonly credit: Credit; readonly site: Site }) {
  switch (credit.kind) {
    case "authors":
      return <p class="byline">By {joinNames(credit.names)}</p>;
    case "agencies":
      return <p class="byline byline-agencies">{credit.names.join(", ")}</p>;
    case "staff":
      return <p class="byline">{site.name}</p>;
  }
}
