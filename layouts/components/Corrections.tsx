import { CORRECTION_LABELS } from "../../scripts/content/kinds.ts";
import type { Correction, Site } from "../../scripts/content/model.ts";
import { correctionAnchor } from "../../scripts/site/corrections.ts";
import { Timestamp } from "./Timestamp.tsx";

/** The id of the list of corrections at the foot of an article: the notice links to it. */
const LIST_ID = "corrections";

/** "corrected", "clarified", or both: what was done to the article. */
function verb(corrections: readonly Correction[]): string {
  const corrected = corrections.some((correction) => correction.type === "correction");
  const clarified = corrections.some((correction) => correction.type === "clarification");
  return corrected && clarified ? "corrected and clarified" : corrected ? "corrected" : "clarified";
}

/** The list's heading: "Correction", "Clarifications", "Corrections and clarifications". */
export function correctionsHeading(corrections: readonly Correction[]): string {
  const types = new Set(corrections.map((correction) => correction.type));
  if (types.size > 1) return "Corrections and clarifications";
  const [type] = [...types];
  const label = CORRECTION_LABELS[type ?? "correction"];
  return corrections.length === 1 ? label : `${label}s`;
}

/**
 * The short notice under the standfirst: that the article was corrected, when last, and a link
 * to the full text at its foot. Readers see it before they read on.
 */
export function CorrectionNotice({
  corrections,
  site,
}: {
  readonly corrections: readonly Correction[];
  readonly site: Site;
}) {
  const latest = corrections.at(-1);
  if (!latest) return null;
  const done = verb(corrections);
  return (
    <p class="correction-notice" data-pagefind-ignore>
      {corrections.length === 1 ? (
        <>This article was {done} on </>
      ) : (
        <>
          This article has been {done} {corrections.length} times, most recently on{" "}
        </>
      )}
      <Timestamp moment={latest.date} site={site} precision="date" />.{" "}
      <a href={`#${LIST_ID}`}>
        Read the {correctionsHeading(corrections).toLowerCase()}
        <span aria-hidden="true"> ↓</span>
      </a>
    </p>
  );
}

/** Every correction, oldest first, each with its type and time in the site's zone. */
export function CorrectionList({
  corrections,
  site,
}: {
  readonly corrections: readonly Correction[];
  readonly site: Site;
}) {
  if (corrections.length === 0) return null;
  return (
    <section class="corrections" id={LIST_ID} aria-labelledby={`${LIST_ID}-heading`}>
      <h2 id={`${LIST_ID}-heading`}>{correctionsHeading(corrections)}</h2>
      <ol>
        {corrections.map((correction, index) => (
          <li id={correctionAnchor(index + 1)}>
            <p class="correction-meta">
              <strong class={`correction-type correction-type-${correction.type}`}>
                {CORRECTION_LABELS[correction.type]}
              </strong>{" "}
              <Timestamp moment={correction.date} site={site} />
            </p>
            <p class="correction-text">{correction.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
