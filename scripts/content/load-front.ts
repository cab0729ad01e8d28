/**
 * Front files (CONTENT.md, "Fronts"): `content/fronts/home.yaml` and `content/fronts/<section>.yaml`,
 * read and validated like every other content file: UTF-8 only, YAML by the core schema with
 * positions, unknown fields named with a suggestion, every problem at its line. A valid front is
 * plain data: what the page plan builds the page from and keys it on, and where each picked slug
 * was written, for messages about it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  FRONTS_PATH,
  type FrontContainer,
  type FrontFile,
  HOME_FRONT,
  type Place,
} from "./front-model.ts";
import {
  DEFAULT_SIZES,
  FRONT_FIELDS,
  type FrontFields,
  frontFieldFix,
  frontSchema,
} from "./front-schema.ts";
import type { ContentIssue } from "./issues.ts";
import { suggestSlug } from "./load-article.ts";
import type { Section } from "./model.ts";
import { validateYaml } from "./parse-front-matter.ts";
import { decodeUtf8, isIssue } from "./source-file.ts";
import { closestName } from "./suggest.ts";
import { type ParsedYaml, type Position, parseYaml } from "./yaml.ts";

/** Every valid front, and every problem found in the folder. */
export interface LoadedFronts {
  readonly fronts: readonly FrontFile[];
  readonly issues: readonly ContentIssue[];
  /**
   * The picks of files that failed validation, as far as they could be read: their slugs are
   * still checked against the articles, so one run reports every problem.
   */
  readonly unchecked: readonly FrontFile[];
}

/**
 * Reads every front file of a project. A file for a section the site does not have, a `.yml`
 * file, or one whose name is no slug is an issue: it would otherwise never be shown.
 */
export function loadFronts(root: string, sections: readonly Section[]): LoadedFronts {
  let names: string[] = [];
  try {
    names = readdirSync(path.join(root, FRONTS_PATH), { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => entry.name)
      .sort();
  } catch {
    // No fronts folder: every page lists its latest stories.
  }
  const slugs = sections.map((section) => section.slug);
  const fronts: FrontFile[] = [];
  const issues: ContentIssue[] = [];
  const unchecked: FrontFile[] = [];
  for (const name of names) {
    const extension = path.extname(name);
    const stem = path.basename(name, extension);
    const file = `${FRONTS_PATH}/${name}`;
    if (!/^\.ya?ml$/i.test(extension)) continue;
    const known = [HOME_FRONT, ...slugs];
    if (extension !== ".yaml") {
      issues.push({
        file,
        message: `Front files end in .yaml: ${name} would never be read.`,
        fix: `Rename it to ${suggestSlug(stem)}.yaml.`,
      });
      continue;
    }
    if (!known.includes(stem)) {
      const close = closestName(stem, known);
      issues.push({
        file,
        message: `There is no section "${stem}": a front file is home.yaml (the front page) or a section's slug followed by .yaml.`,
        fix: close
          ? `Did you mean ${close}.yaml? Rename the file, or add the section to content/_data/site.yaml.`
          : `Rename it to one of ${known.map((slug) => `${slug}.yaml`).join(", ")}, or add the section to content/_data/site.yaml.`,
      });
      continue;
    }
    const loaded = loadFront(root, stem, slugs);
    if ("issues" in loaded) {
      issues.push(...loaded.issues);
      if (loaded.picks) unchecked.push(loaded.picks);
    } else fronts.push(loaded.front);
  }
  return { fronts, issues, unchecked };
}

/** Reads and validates one front file. */
export function loadFront(
  root: string,
  name: string,
  sections: readonly string[],
): { front: FrontFile } | { issues: readonly ContentIssue[]; picks?: FrontFile } {
  const file = `${FRONTS_PATH}/${name}.yaml`;
  const bytes = readFileSync(path.join(root, file));
  const decoded = decodeUtf8(bytes, file);
  // An empty file is a front with nothing in it: the page lists its latest stories.
  if (bytes.length === 0) return { front: { name, sourcePath: file } };
  if (isIssue(decoded)) return { issues: [decoded] };
  const text = decoded.text.replace(/^\uFEFF/, "");
  // A file of comments alone (the CMS or an editor emptied it) reads as nothing at all.
  if (text.split("\n").every((row) => /^\s*(#.*)?$/.test(row))) {
    return { front: { name, sourcePath: file } };
  }
  const checked = validateYaml<FrontFields>(text, file, 1, frontSchema(sections), {
    fields: FRONT_FIELDS,
    fix: (field) => frontFieldFix(field, sections),
  });
  if (!checked.ok) {
    const yaml = parseYaml(text, file, 1);
    return {
      issues: checked.issues,
      ...(Array.isArray(yaml) ? {} : { picks: picksOf(name, file, yaml) }),
    };
  }
  const { value, yaml } = checked.value;
  if (value.breaking && name !== HOME_FRONT) {
    const at = yaml.locate(["breaking"], "key");
    return {
      issues: [
        {
          file,
          ...place(at),
          field: "breaking",
          message:
            "A breaking-news banner belongs to the front page: it shows there and on every article, whichever section's front it is in.",
          fix: `Move the breaking: block to ${FRONTS_PATH}/${HOME_FRONT}.yaml.`,
        },
      ],
    };
  }
  return { front: frontOf(name, file, value, yaml) };
}

/**
 * The picks of a file that failed validation, as far as they read as slugs: each container's
 * `stories` and the banner's link, at their lines.
 */
function picksOf(name: string, sourcePath: string, yaml: ParsedYaml): FrontFile {
  const data = yaml.data as { containers?: unknown; breaking?: { link?: unknown } } | null;
  const containers = Array.isArray(data?.containers) ? data.containers : [];
  const slug = (value: unknown): value is string =>
    typeof value === "string" && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value);
  const link = data?.breaking?.link;
  return {
    name,
    sourcePath,
    ...(slug(link)
      ? {
          breaking: {
            text: "",
            link: { kind: "article", slug: link, at: place(yaml.locate(["breaking", "link"])) },
          },
        }
      : {}),
    containers: containers.map((container: unknown, index): FrontContainer => {
      const stories = (container as { stories?: unknown } | null)?.stories;
      // A fill's topic, checked against the stories' tags (engine/fill-topics.ts) like the picks.
      const fill = (container as { fill?: unknown } | null)?.fill;
      const topic = (fill as { topic?: unknown } | null | undefined)?.topic;
      return {
        layout: "list",
        size: 0,
        ...(typeof topic === "string" && topic.trim() !== "" ? { fill: { topic } } : {}),
        stories: (Array.isArray(stories) ? stories : []).flatMap((story: unknown, at) =>
          slug(story)
            ? [{ slug: story, at: place(yaml.locate(["containers", index, "stories", at])) }]
            : [],
        ),
      };
    }),
  };
}

function place(at: Position | undefined): Place {
  return at ? { line: at.line, column: at.column } : {};
}

function frontOf(
  name: string,
  sourcePath: string,
  value: FrontFields,
  yaml: ParsedYaml,
): FrontFile {
  const { breaking } = value;
  const link = breaking?.link;
  return {
    name,
    sourcePath,
    ...(breaking
      ? {
          breaking: {
            text: breaking.text,
            ...(link
              ? {
                  link: /^https:/i.test(link)
                    ? { kind: "url" as const, url: link }
                    : {
                        kind: "article" as const,
                        slug: link,
                        at: place(yaml.locate(["breaking", "link"])),
                      },
                }
              : {}),
            ...(breaking.until
              ? {
                  until: {
                    iso:
                      breaking.until.toISO({ suppressMilliseconds: true, includeOffset: true }) ??
                      "",
                    ms: breaking.until.toMillis(),
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(value.containers
      ? {
          containers: value.containers.map((container, index): FrontContainer => {
            const stories = (container.stories ?? []).map((slug, at) => ({
              slug,
              at: place(yaml.locate(["containers", index, "stories", at])),
            }));
            const fill = container.fill;
            return {
              ...(container.title ? { title: container.title } : {}),
              layout: container.layout,
              stories,
              ...(fill
                ? {
                    fill: {
                      ...(fill.section ? { section: fill.section } : {}),
                      ...(fill.topic ? { topic: fill.topic } : {}),
                      ...(fill.kind ? { kind: fill.kind } : {}),
                    },
                  }
                : {}),
              size: container.size ?? Math.max(DEFAULT_SIZES[container.layout], stories.length),
            };
          }),
        }
      : {}),
  };
}
