/**
 * A front's `fill: {topic: ...}` against the tags stories carry. A topic no story has is most
 * often a typing slip (`Nort Korea`), which would leave the container empty without a word: it
 * is an error naming the tag meant. A topic no story has and none is close to (a front prepared
 * for coverage to come) is said in the build's summary, so the empty container is never silent.
 */
import { locateInYamlFile } from "../content/field-place.ts";
import type { FrontFile } from "../content/front-model.ts";
import type { ContentIssue } from "../content/issues.ts";
import { isTypingSlip } from "../content/suggest.ts";
import { topicSlug } from "../site/urls.ts";

export interface FillTopicCheck {
  readonly issues: ContentIssue[];
  /** Topics no story has yet, in words for the summary: `content/fronts/home.yaml fills container 2 from the topic "Election 2027", which no story has yet`. */
  readonly empty: string[];
}

/**
 * Checks every fill topic of `fronts` against `tags`, every tag of every valid article. The front
 * stage runs on every build: tags are read only while a fill's topic has not been met (a few
 * stories in, as a rule), and not at all when no front fills by topic.
 */
export function fillTopicCheck(
  root: string,
  fronts: readonly FrontFile[],
  tags: Iterable<string>,
): FillTopicCheck {
  const fills = fronts.flatMap((front) =>
    (front.containers ?? []).flatMap((container, index) => {
      const topic = container.fill?.topic;
      return topic === undefined ? [] : [{ front, index, topic, slug: topicSlug(topic) }];
    }),
  );
  const issues: ContentIssue[] = [];
  const empty: string[] = [];
  if (fills.length === 0) return { issues, empty };
  const missing = new Set(fills.map((fill) => fill.slug));
  // Every tag read, by topic page: all of them whenever a topic is still missing at the end.
  const read = new Map<string, string>();
  for (const tag of tags) {
    if (missing.size === 0) break;
    const slug = topicSlug(tag);
    if (!read.has(slug)) read.set(slug, tag);
    missing.delete(slug);
  }
  for (const { front, index, topic, slug } of fills) {
    if (!missing.has(slug)) continue;
    const meant = [...read.values()].find((tag) => isTypingSlip(topic, tag));
    if (meant === undefined) {
      empty.push(
        `${front.sourcePath} fills container ${index + 1} from the topic "${topic}", which no story has yet`,
      );
      continue;
    }
    const where = locateInYamlFile(root, front.sourcePath, ["containers", index, "fill", "topic"]);
    issues.push({
      file: front.sourcePath,
      ...(where ? { line: where.line, column: where.column } : {}),
      field: `containers.${index}.fill.topic`,
      message: `No story has the topic "${topic}", so the container would show nothing; stories are tagged "${meant}".`,
      fix: `If you meant ${meant}, write topic: ${meant}.`,
    });
  }
  return { issues, empty };
}
