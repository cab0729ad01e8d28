import { type ArticleKind, kindLabel } from "../../scripts/content/kinds.ts";

/**
 * What sort of piece a story is, where readers meet it: near the headline and on every card.
 * News carries no label. A sponsored piece's label has a style of its own (site.css), so it is
 * never taken for the newsroom's work.
 */
export function KindLabel({ kind }: { readonly kind: ArticleKind | undefined }) {
  const label = kindLabel(kind);
  if (!label) return null;
  return <span class={`kind-label kind-${kind}`}>{label}</span>;
}
