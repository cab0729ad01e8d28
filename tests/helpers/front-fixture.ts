/**
 * A small newsroom with fronts, for the build and incremental tests of issue 21: the seed and
 * ten stories over four sections and four kinds (two with photos), a draft and an embargoed
 * story, a front page with a banner and a lead, a grid and a list, and Asia's front.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { articleSource, type FixtureSite, REPO_ROOT, SEED_SLUG } from "./fixture-site.ts";

/** The tests' now (runBuild's BROADSHEET_NOW): 1 January 2026, midnight in Singapore. */
export const FRONT_NOW = "2026-01-01T00:00:00+08:00";

export const STORIES = {
  quake: "quake-strikes-southern-philippines",
  floods: "jakarta-floods-force-thousands-from-homes",
  rates: "central-bank-holds-rates",
  markets: "markets-rally-on-rate-hopes",
  explainer: "why-quakes-strike-the-philippines",
  sponsored: "open-an-account-today",
  opinion: "the-hold-was-wrong",
  asiaAnalysis: "what-the-floods-mean-for-jakarta",
  /** Embargoed until 8 am on 1 January 2026. */
  budget: "budget-to-be-unveiled",
  /** A draft. */
  draft: "draft-story-on-elections",
} as const;

/** When the embargoed story is released. */
export const BUDGET_RELEASE = "2026-01-01T08:00:00+08:00";

export const HOME_FRONT = `breaking:
  text: Magnitude 6.4 earthquake strikes southern Philippines
  link: ${STORIES.quake}
  until: 2026-01-01T06:00:00+08:00
containers:
  - title: Top stories
    layout: lead
    stories: [${STORIES.budget}, ${STORIES.floods}]
    fill: {section: asia}
    size: 3
  - title: Analysis
    layout: grid
    fill: {kind: analysis}
  - title: Latest
    layout: list
    stories: [${STORIES.draft}, ${STORIES.sponsored}]
    fill: {}
    size: 4
`;

export const ASIA_FRONT = `containers:
  - layout: lead
    fill: {section: asia}
    size: 2
  - title: More from Asia
    layout: list
    fill: {section: asia}
`;

const SEED_FOLDER = path.join(REPO_ROOT, "content/articles", SEED_SLUG);

/** Writes a story; `fields` as articleSource takes them. */
export function writeStory(site: FixtureSite, slug: string, fields: Record<string, string>): void {
  site.article(slug, articleSource(fields, `The text of ${slug}.`));
}

/** The stories (the seed included), without any front file. */
export function writeStories(site: FixtureSite): void {
  site.withSeed();
  const photo = readFileSync(path.join(SEED_FOLDER, "photo.jpg"));
  const podium = readFileSync(path.join(SEED_FOLDER, "video-thumbnail.jpg"));
  const image = (alt: string) => `\n  src: photo.jpg\n  alt: ${alt}`;
  writeStory(site, STORIES.quake, {
    title: '"Quake strikes southern Philippines"',
    date: "2025-12-31T20:00:00+08:00",
    section: "asia",
    tags: "[Philippines]",
    image: image("An empty briefing podium before a blue curtain."),
  });
  site.file(STORIES.quake, "photo.jpg", podium);
  writeStory(site, STORIES.floods, {
    title: '"Jakarta floods force thousands from homes"',
    description: '"Rescue workers waded through waist-deep water."',
    date: "2025-12-31T18:00:00+08:00",
    section: "asia",
    tags: "[Indonesia, Floods]",
    image: image("A desk by a window, a letter in the lamplight."),
    related: `[${STORIES.explainer}, ${STORIES.budget}, ${STORIES.quake}]`,
  });
  site.file(STORIES.floods, "photo.jpg", photo);
  writeStory(site, STORIES.rates, {
    title: '"Central bank holds rates"',
    date: "2025-12-31T16:00:00+08:00",
    section: "business",
    kind: "analysis",
    authors: "[Jane Tan]",
  });
  writeStory(site, STORIES.markets, {
    title: '"Markets rally on rate hopes"',
    date: "2025-12-31T15:00:00+08:00",
    section: "business",
  });
  writeStory(site, STORIES.explainer, {
    title: '"Why quakes strike the Philippines"',
    date: "2025-12-31T14:00:00+08:00",
    section: "world",
    kind: "explainer",
    tags: "[Philippines]",
  });
  writeStory(site, STORIES.sponsored, {
    title: '"Open an account today"',
    date: "2025-12-31T13:00:00+08:00",
    section: "business",
    kind: "sponsored",
  });
  writeStory(site, STORIES.opinion, {
    title: '"The hold was wrong"',
    date: "2025-12-31T12:00:00+08:00",
    section: "opinion",
    kind: "opinion",
    authors: "[Jane Tan]",
  });
  writeStory(site, STORIES.asiaAnalysis, {
    title: '"What the floods mean for Jakarta"',
    date: "2025-12-31T11:00:00+08:00",
    section: "asia",
    kind: "analysis",
    authors: "[Jane Tan]",
  });
  writeStory(site, STORIES.budget, {
    title: '"Budget to be unveiled"',
    date: BUDGET_RELEASE,
    section: "singapore",
  });
  writeStory(site, STORIES.draft, {
    title: '"Draft story on elections"',
    date: "2025-12-31T10:00:00+08:00",
    section: "asia",
    draft: "true",
  });
}

/** Writes (or with `undefined`, deletes) `content/fronts/<name>.yaml`. */
export function writeFront(site: FixtureSite, name: string, text: string | undefined): void {
  const folder = path.join(site.root, "content/fronts");
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.yaml`);
  if (text === undefined) rmSync(file, { force: true });
  else writeFileSync(file, text);
}
