import type { DateTime, Duration } from "luxon";
import type { CmsSettings } from "../cms/settings.ts";
import type { ImageCdn } from "../media/types.ts";
import type { BodyBlock, BodyMedia } from "./body/blocks.ts";
import type { BylineEntry } from "./byline-entry.ts";
import type { ArticleKind, CorrectionType } from "./kinds.ts";

/** One section of the site: its slug is the first part of its articles' URLs. */
export interface Section {
  readonly slug: string;
  readonly name: string;
}

/** The site's identity, validated from `content/_data/site.yaml` and the environment. */
export interface Site {
  readonly name: string;
  /** Scheme and host of the live site, no trailing slash: `https://example.org`. */
  readonly origin: string;
  /** The folder the site is served from, with leading and trailing slash: `/` or `/news/`. */
  readonly pathPrefix: string;
  /** BCP 47 tag, e.g. `en-SG`. */
  readonly language: string;
  /** IANA zone, e.g. `Asia/Singapore`. */
  readonly timeZone: string;
  readonly sections: readonly Section[];
  readonly brightcove: { readonly accountId: string; readonly playerId: string };
  readonly logo: { readonly src: string; readonly alt: string };
  readonly promotion: { readonly text: string; readonly url?: string };
  /** The git host the editors' web UI saves to; without it no /admin/ is built. */
  readonly cms?: CmsSettings;
  /** The image CDN that makes every image size from published masters; absent: sharp makes them. */
  readonly imageCdn?: ImageCdn;
}

/** A photo or thumbnail file that sits beside an article's index.md. */
export interface MediaFile {
  /** The name as written in front matter, e.g. `photo.jpg`. */
  readonly src: string;
  /** Absolute path on disk. */
  readonly path: string;
  /** Where the field naming it was written in index.md, for messages about the file. */
  readonly line?: number;
  readonly column?: number;
}

export interface LeadImage extends MediaFile {
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: string;
  /** Focal point as fractions of width and height. */
  readonly focus: readonly [number, number];
}

export interface BrightcoveVideo {
  readonly provider: "brightcove";
  readonly id: string;
  readonly title?: string;
  readonly description?: string;
  readonly thumbnail: MediaFile;
  readonly duration?: Duration;
}

/** Who an article is credited to: people, wire agencies, or the newsroom itself. */
export type Credit =
  | { readonly kind: "authors"; readonly names: readonly string[] }
  | { readonly kind: "agencies"; readonly names: readonly string[] }
  | { readonly kind: "staff" };

/** A correction or clarification published with an article. */
export interface Correction {
  readonly date: DateTime;
  /** Plain text: what was wrong and what is right. */
  readonly text: string;
  readonly type: CorrectionType;
}

/** A link from an article body to a page of the site, checked against the built site every build. */
export interface BodyLink {
  /** The URL as written, e.g. `/asia/other-story/`. */
  readonly url: string;
  /** The line of index.md it is on. */
  readonly line: number;
}

/**
 * A validated article without its body: what cards, listings, archives, feeds' metadata and
 * sitemaps need. The build keeps every article's summary between builds (as an
 * {@link ArticleCard}) and reads a body only when a page that shows it is rendered.
 */
export interface ArticleSummary {
  readonly slug: string;
  /** The source file relative to the project root, e.g. `content/articles/<slug>/index.md`. */
  readonly sourcePath: string;
  /** Site-relative URL without the path prefix: `/<section>/<slug>/`. */
  readonly url: string;
  readonly title: string;
  /** The standfirst: written by the editor, or taken from the first paragraph. */
  readonly description: string;
  /** The standfirst as the editor wrote it, shown under the headline; absent when derived. */
  readonly standfirst?: string;
  readonly date: DateTime;
  readonly updated?: DateTime;
  readonly section: Section;
  readonly tags: readonly string[];
  readonly dateline?: string;
  readonly sources: readonly string[];
  readonly authors: readonly BylineEntry[];
  readonly credit: Credit;
  /** What sort of piece it is: news unless the editor said otherwise. */
  readonly kind: ArticleKind;
  /** Oldest first. */
  readonly corrections: readonly Correction[];
  readonly image?: LeadImage;
  readonly video?: BrightcoveVideo;
  readonly draft: boolean;
  /** A live blog's end of coverage (`kind: live` only). */
  readonly ended?: DateTime;
  /** Site-internal links in the body (absolute paths), checked against the built site. */
  readonly bodyLinks: readonly BodyLink[];
  /** The body's photos and embed providers, for the media stage and the page's policy. */
  readonly bodyMedia?: BodyMedia;
  /** Hand-picked related stories' slugs, in order; absent when none are picked. */
  readonly related?: readonly string[];
}

/** A validated article, ready for the media stage and the templates. */
export interface Article extends ArticleSummary {
  /**
   * The body as typed blocks: running text rendered to HTML by the safe Markdown renderer
   * (dateline included), and the photos, galleries, pull quotes and embeds between it.
   */
  readonly body: readonly BodyBlock[];
  /** The body's plain text, for search and word counts. */
  readonly bodyText: string;
}
