/**
 * Synthetic news prose: headlines, standfirsts and Markdown bodies of about 600 words, drawn
 * from the word lists with a seeded generator. Nothing here touches the disk.
 *
 * The bodies have the features that cost time in a real build (markdown-it's inline rules,
 * the typographer's quote pass, heading anchors, links) in roughly the proportions of wire copy:
 * mostly plain paragraphs, some quoted speech, a `##` heading now and then, a link now and then.
 */
import { FAMILY_NAMES, GIVEN_NAMES, PROPER_NOUNS, ROLES, WORDS } from "./vocabulary.ts";

/** A source of uniform numbers in [0, 1): a seeded generator, so the same seed writes the same text. */
export type Random = () => number;

/** One item of `items`, chosen uniformly. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError("pick from an empty list");
  return item;
}

/** An integer from `low` to `high`, both included. */
export function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** `count` distinct items of `items`, in the order drawn. */
export function pickDistinct<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(pick(random, items));
  return [...chosen];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A word, now and then a proper noun, so text is not all lower case. */
function word(random: Random): string {
  return random() < 0.06 ? pick(random, PROPER_NOUNS) : pick(random, WORDS);
}

function words(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => word(random));
}

/**
 * Sentence lengths skewed short with a long tail (5 to 34 words), as news sentences are: most
 * are short, a few run on with clauses.
 */
function sentenceLength(random: Random): number {
  return 5 + Math.floor(random() ** 1.6 * 30);
}

/** One sentence, with a comma in the longer ones. */
export function sentence(random: Random, length = sentenceLength(random)): string {
  const list = words(random, length);
  if (length > 14) list[between(random, 4, length - 4)] += ",";
  return `${capitalise(list.join(" "))}.`;
}

/** A person's name. */
export function personName(random: Random): string {
  return `${pick(random, GIVEN_NAMES)} ${pick(random, FAMILY_NAMES)}`;
}

/** A headline: 6 to 13 words, sentence case, no full stop. */
export function headline(random: Random): string {
  return capitalise(words(random, between(random, 6, 13)).join(" "));
}

/** Quoted speech with its attribution, as a paragraph. */
function quoteParagraph(random: Random): string {
  const spoken = [sentence(random), ...(random() < 0.5 ? [sentence(random)] : [])].join(" ");
  const speaker = personName(random);
  return `"${spoken.slice(0, -1)}," said ${speaker}, ${pick(random, ROLES)}.`;
}

/** A paragraph of 1 to 4 sentences; sometimes one phrase in it is a link. */
function plainParagraph(random: Random, linkId: () => number): string {
  const sentences = Array.from({ length: between(random, 1, 4) }, () => sentence(random));
  if (random() < 0.12) {
    const phrase = words(random, between(random, 2, 4)).join(" ");
    const slug = phrase.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    sentences.push(`More in [${phrase}](https://www.example.com/${slug}-${linkId()}).`);
  }
  return sentences.join(" ");
}

/** Counts words the way a reader would: runs of letters or digits. */
export function wordCount(text: string): number {
  return text.match(/[A-Za-z0-9]+/g)?.length ?? 0;
}

/**
 * A Markdown body of about `target` words (within a paragraph of it): plain paragraphs, quoted
 * speech (about one paragraph in six, sometimes as a `>` block quote), a `##` heading after the
 * opening now and then, and links.
 *
 * @example
 * const body = articleBody(seededRandom(1), 600);
 */
export function articleBody(random: Random, target = 600): string {
  const paragraphs: string[] = [];
  let total = 0;
  let links = 0;
  const linkId = () => {
    links += 1;
    return links;
  };
  let lastWasHeading = true;
  while (total < target) {
    const roll = random();
    let paragraph: string;
    if (!lastWasHeading && paragraphs.length >= 3 && roll < 0.08) {
      paragraph = `## ${headline(random)}`;
      lastWasHeading = true;
    } else {
      paragraph =
        roll < 0.2
          ? quoteParagraph(random)
          : roll < 0.23
            ? `> ${sentence(random)}`
            : plainParagraph(random, linkId);
      lastWasHeading = false;
    }
    paragraphs.push(paragraph);
    total += wordCount(paragraph);
  }
  // A story never ends on a heading.
  if (lastWasHeading) paragraphs.push(plainParagraph(random, linkId));
  return `${paragraphs.join("\n\n")}\n`;
}
