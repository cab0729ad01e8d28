import { type ArticleKind, kindLabel } from "../../scripts/content/kinds.ts";

/**
 * What sort of piece a story is, where readers meet it: near the headline and on every card.
 * News carries no label. A sponsored piece's label has a style of its own (site.css), so it is
 * never taken for the newsroom's work.
 */
export function KindLabel({
  kind,
  ended = false,
}: {
  readonly kind: ArticleKind | undefined;
  /** A live blog whose coverage has ended: labelled so, in a quieter style. */
  readonly ended?: boolean | undefined;
}) {
  const label = kindLabel(kind, ended);
  if (!label) return null;
  const live = kind === "live" ? (ended ? " kind-live-ended" : " kind-live-now") : "";
  return <span class={`kind-label kind-${kind}${live}`}>{label}</span>;
}
