import { curl } from "../../scripts/site/typography.ts";

/** A pull quote, set apart from the running text, with who said it. */
export function PullQuote({
  text,
  attribution,
}: {
  readonly text: string;
  readonly attribution?: string | undefined;
}) {
  return (
    <figure class="pullquote">
      <blockquote>
        <p>{text}</p>
      </blockquote>
      {attribution ? <figcaption>{curl(attribution)}</figcaption> : null}
    </figure>
  );
}
