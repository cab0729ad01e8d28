/**
 * The fronts' part of a build (issue 21): the front files read and validated, every picked slug
 * (fronts' stories and banner links, articles' `related`) checked against the article folders,
 * what the plan needs to tell published picks from held ones, and the summary's words for the
 * picks that wait for a draft to be published or an embargo to lift. Front files are a handful
 * of small files: they are read on every build (no state), which costs less than a millisecond.
 */
import { DateTime } from "luxon";
import { locateInArticle } from "../content/field-place.ts";
import { FRONTS_PATH, type FrontFile } from "../content/front-model.ts";
import type { ContentIssue } from "../content/issues.ts";
import { loadFronts } from "../content/load-front.ts";
import type { Site } from "../content/model.ts";
import { type ContentOptions, heldReason } from "../content/options.ts";
import {
  frontPickIssues,
  type KnownArticles,
  relatedIssues,
  titleKey,
} from "../content/pick-checks.ts";
import { displayTime } from "../site/dates.ts";
import { fillTopicCheck } from "./fill-topics.ts";
import type { FrontsInput, HeldArticle } from "./plan-fronts.ts";
import type { Published } from "./published.ts";
import type { ArticleEntry } from "./state.ts";

export interface FrontStageInput {
  readonly root: string;
  readonly site: Site;
  /** Every article folder's name, valid or not. */
  readonly folders: Iterable<string>;
  /** Every valid article, by folder name. */
  readonly entries: ReadonlyMap<string, ArticleEntry>;
  readonly published: Published;
  readonly content: Pick<ContentOptions, "now" | "includeDrafts" | "includeFuture">;
}

export interface FrontStage {
  readonly fronts: FrontsInput;
  readonly issues: readonly ContentIssue[];
  /** Picks waiting to be published, in words for the summary line (empty when none wait). */
  readonly waiting: readonly string[];
}

/**
 * How many waiting picks the summary names one by one: a newsroom preparing tomorrow's fronts
 * wants to see them; an archive whose `related` lists name many drafts would drown the line.
 *
 * @default 8
 */
export const WAITING_NAMED = 8;

export function runFrontStage(input: FrontStageInput): FrontStage {
  const { root, site, entries, content } = input;
  const loaded = loadFronts(root, site.sections);
  const titles = new Map<string, string>();
  for (const entry of entries.values()) titles.set(titleKey(entry.card.title), entry.card.slug);
  const known: KnownArticles = { slugs: new Set(input.folders), titles };
  const relating = [...entries.values()]
    .map((entry) => entry.card)
    .filter((card) => card.related !== undefined);
  // Every tag of every valid article, held ones too: a front may wait for an embargoed story.
  const topics = fillTopicCheck(root, [...loaded.fronts, ...loaded.unchecked], allTags(entries));
  const issues = [
    ...loaded.issues,
    ...frontPickIssues([...loaded.fronts, ...loaded.unchecked], known),
    ...topics.issues,
    ...relatedIssues(
      relating.map((card) => ({
        slug: card.slug,
        sourcePath: card.sourcePath,
        related: card.related ?? [],
      })),
      known,
      (sourcePath, index) => locateInArticle(root, sourcePath, ["related", index]),
    ),
  ];
  const held = heldArticles(entries, input.published, content);
  const publishedSlugs = new Set(input.published.entries.map(([, entry]) => entry.card.slug));
  return {
    fronts: { files: loaded.fronts, held },
    issues,
    waiting: [
      ...waitingWords(
        loaded.fronts,
        relating.filter((card) => publishedSlugs.has(card.slug)),
        held,
        content.now.toMillis(),
        site,
      ),
      ...topics.empty,
    ],
  };
}

/** Valid articles this build leaves out, by slug: drafts first, as the build counts them. */
function heldArticles(
  entries: ReadonlyMap<string, ArticleEntry>,
  published: Published,
  options: FrontStageInput["content"],
): Map<string, HeldArticle> {
  const shown = new Set(published.entries.map(([folder]) => folder));
  const nowMs = options.now.toMillis();
  const held = new Map<string, HeldArticle>();
  for (const [folder, entry] of entries) {
    if (shown.has(folder)) continue;
    const { card } = entry;
    const reason = heldReason({ draft: card.draft, atMs: card.dateMs }, nowMs, options);
    if (reason === "draft") held.set(card.slug, { state: "draft" });
    else if (reason === "embargoed") {
      held.set(card.slug, { state: "embargoed", releaseMs: card.dateMs });
    }
  }
  return held;
}

/** `kim-letter (embargoed until 7 December 2026, 6:00 pm SGT)`, `jakarta-floods (draft)`. */
function describe(slug: string, hold: HeldArticle, site: Site): string {
  if (hold.state === "draft") return `${slug} (draft)`;
  const release = DateTime.fromMillis(hold.releaseMs, { zone: site.timeZone });
  return `${slug} (embargoed until ${displayTime(release, site).text})`;
}

function waitingWords(
  fronts: readonly FrontFile[],
  relating: readonly { readonly slug: string; readonly related?: readonly string[] }[],
  held: ReadonlyMap<string, HeldArticle>,
  nowMs: number,
  site: Site,
): string[] {
  const groups: { what: string; slugs: string[] }[] = [];
  for (const front of fronts) {
    const slugs = (front.containers ?? []).flatMap((container) =>
      container.stories.map((story) => story.slug).filter((slug) => held.has(slug)),
    );
    if (slugs.length > 0) groups.push({ what: `${FRONTS_PATH}/${front.name}.yaml picks`, slugs });
    const banner = front.breaking;
    const link = banner?.link;
    const up = banner !== undefined && (banner.until === undefined || banner.until.ms > nowMs);
    if (up && link?.kind === "article" && held.has(link.slug)) {
      groups.push({ what: "the breaking banner links", slugs: [link.slug] });
    }
  }
  for (const article of relating) {
    const slugs = (article.related ?? []).filter((slug) => held.has(slug));
    if (slugs.length > 0) groups.push({ what: `${article.slug}'s related`, slugs });
  }
  const words: string[] = [];
  let named = 0;
  let more = 0;
  for (const group of groups) {
    const shown = group.slugs.slice(0, Math.max(0, WAITING_NAMED - named));
    more += group.slugs.length - shown.length;
    named += shown.length;
    if (shown.length === 0) continue;
    const described = shown.map((slug) => describe(slug, held.get(slug) as HeldArticle, site));
    words.push(`${group.what} ${described.join(", ")}`);
  }
  if (more > 0) words.push(`and ${more} more`);
  return words;
}

/** Every tag of every valid article, read as they are asked for. */
function* allTags(entries: ReadonlyMap<string, ArticleEntry>): Generator<string> {
  for (const entry of entries.values()) yield* entry.card.tags;
}
