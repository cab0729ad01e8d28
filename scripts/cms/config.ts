/**
 * `/admin/config.yml`: the whole Sveltia CMS configuration, made from the schemas the build
 * validates with and from the site configuration. Nothing in it is written by hand, so a new
 * section, kind or field reaches the editor with the next build.
 */
import path from "node:path";
import { stringify } from "yaml";
import type { z } from "zod";
import { articleFrontMatterSchema } from "../content/article-schema.ts";
import { authorProfileSchema } from "../content/author-schema.ts";
import type { Site } from "../content/model.ts";
import { PAGES_PATH } from "../content/page-model.ts";
import { pageFrontMatterSchema } from "../content/page-schema.ts";
import { ARTICLE_HINTS, AUTHOR_HINTS, type FieldHints } from "./field-hints.ts";
import { type CmsField, cmsFields } from "./fields.ts";
import { frontsCollection } from "./fronts.ts";
import { type CmsLiveBlog, liveCollections } from "./live-collections.ts";
import { PAGE_HINTS, pageBodyField } from "./page-hints.ts";
import { objectFields } from "./schema-shape.ts";
import type { CmsSettings } from "./settings.ts";

/** One kind of content file the editor edits. */
export interface ContentCollection {
  readonly name: string;
  readonly label: string;
  readonly labelSingular: string;
  /** The folder, from the project root. */
  readonly folder: string;
  readonly schema: z.ZodType;
  readonly hints: FieldHints;
  /** The field that names an entry in lists and makes its slug. */
  readonly identifier: string;
  /** `md`: YAML front matter and a Markdown body; `yaml`: a YAML file. */
  readonly format: "md" | "yaml";
  /** The Markdown body's field, when it is not an article's story. */
  readonly body?: CmsField;
  /** How the list of entries reads: a summary line, sorting and filters (Sveltia's options). */
  readonly listing?: Readonly<Record<string, unknown>>;
}

/**
 * The article list: newest first, each line its headline, section, publication time (in the
 * time zone of the editor's computer: Sveltia formats it in the browser) and, for a draft,
 * "Draft", so an editor sees at a glance what is waiting; sortable by date, headline and
 * section; filtered to drafts or to the rest, and grouped by section.
 */
const ARTICLE_LISTING = {
  summary:
    "{{draft | ternary('Draft · ', '')}}{{title}} · {{section}} · {{date | date('D MMM YYYY, HH:mm')}}",
  sortable_fields: {
    fields: ["date", "title", "section"],
    default: { field: "date", direction: "descending" },
  },
  view_filters: [
    { name: "drafts", label: "Drafts", field: "draft", pattern: true },
    { name: "published", label: "Not drafts", field: "draft", not_in: [true] },
  ],
  view_groups: [{ name: "section", label: "Section", field: "section" }],
} as const;

/** Where articles, author profiles and standing pages live, by the contract (CONTENT.md). */
export function contentCollections(site: Site): ContentCollection[] {
  return [
    {
      name: "articles",
      label: "Articles",
      labelSingular: "Article",
      folder: "content/articles",
      schema: articleFrontMatterSchema(site.sections.map((section) => section.slug)),
      hints: ARTICLE_HINTS,
      identifier: "title",
      format: "md",
      listing: ARTICLE_LISTING,
    },
    {
      name: "authors",
      label: "Author profiles",
      labelSingular: "Author profile",
      folder: "content/authors",
      schema: authorProfileSchema,
      hints: AUTHOR_HINTS,
      identifier: "name",
      format: "yaml",
      listing: { sortable_fields: { fields: ["name"], default: { field: "name" } } },
    },
    {
      name: "pages",
      label: "Standing pages",
      labelSingular: "Standing page",
      folder: PAGES_PATH,
      schema: pageFrontMatterSchema,
      hints: PAGE_HINTS,
      identifier: "title",
      format: "md",
      body: pageBodyField(BODY_FIELD),
    },
  ];
}

/** The article body: not front matter, so not in the schema. */
const BODY_FIELD: CmsField = {
  name: "body",
  label: "Story",
  widget: "markdown",
  required: true,
  hint: "Paragraphs, ## headings, lists, links, > quotes. A photo goes on its own line with alt text.",
  // Only what the site renders: raw HTML is shown as text, so it is not offered.
  buttons: [
    "bold",
    "italic",
    "link",
    "heading-two",
    "heading-three",
    "quote",
    "bulleted-list",
    "numbered-list",
  ],
  editor_components: ["image"],
};

/** Sveltia's backend block for the site's git host. */
function backend(settings: CmsSettings | undefined): Record<string, unknown> {
  // Without a `cms:` block only `npm run cms` builds the editor: local mode never signs in.
  if (!settings) return { name: "github", repo: "local/working-copy" };
  return {
    name: settings.backend,
    repo: settings.repo,
    ...(settings.branch ? { branch: settings.branch } : {}),
    ...(settings.apiRoot ? { api_root: settings.apiRoot } : {}),
    ...(settings.authUrl ? { base_url: settings.authUrl } : {}),
    ...(settings.appId ? { app_id: settings.appId } : {}),
    ...(settings.backend === "gitlab" && settings.appId ? { auth_type: "pkce" } : {}),
  };
}

function collection(site: Site, content: ContentCollection): Record<string, unknown> {
  const fields = cmsFields(objectFields(content.schema), content.hints, site);
  return {
    name: content.name,
    label: content.label,
    label_singular: content.labelSingular,
    folder: content.folder,
    create: true,
    identifier_field: content.identifier,
    ...content.listing,
    slug: `{{${content.identifier}}}`,
    ...(content.format === "md"
      ? // One folder per article, its photos beside index.md (a page bundle).
        { path: "{{slug}}/index", extension: "md", format: "yaml-frontmatter" }
      : { extension: "yaml", format: "yaml" }),
    // Media beside the entry: "" is the entry's own folder.
    media_folder: "",
    public_folder: "",
    fields: content.format === "md" ? [...fields, content.body ?? BODY_FIELD] : fields,
  };
}

/** The site's logo as /admin/ serves it (a copy: the editor may be served without the site). */
export function adminLogoName(site: Pick<Site, "logo">): string {
  return `logo${path.extname(site.logo.src).toLowerCase()}`;
}

/**
 * The configuration as data, in the order it is written. `liveBlogs` are the live blogs updates
 * can be added to (live-collections.ts).
 */
export function cmsConfig(
  site: Site,
  liveBlogs: readonly CmsLiveBlog[] = [],
): Record<string, unknown> {
  return {
    backend: backend(site.cms),
    // The site's name and logo on the sign-in screen and the browser's tab, not the CMS's.
    app_title: `${site.name}: editor`,
    logo: { src: `${site.pathPrefix}admin/${adminLogoName(site)}` },
    site_url: `${site.origin}${site.pathPrefix}`,
    // The site-wide media library: the site's own images. Articles keep theirs beside index.md.
    media_folder: "assets/images",
    public_folder: `${site.pathPrefix}assets/images`,
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    output: { omit_empty_optional_fields: true },
    collections: [
      ...contentCollections(site).map((content) => collection(site, content)),
      ...liveCollections(site, liveBlogs, BODY_FIELD),
      frontsCollection(site),
    ],
  };
}

/** `config.yml`, the same bytes for the same site, schemas and live blogs. */
export function cmsConfigYaml(site: Site, liveBlogs: readonly CmsLiveBlog[] = []): string {
  return `# Written by the build from the content schemas and content/_data/site.yaml\n# (scripts/cms/config.ts): edit those, not this.\n${stringify(cmsConfig(site, liveBlogs), { lineWidth: 0 })}`;
}
