/**
 * Reads the line `npm run build` prints on success (scripts/engine/summary.ts):
 *
 *   Built 4,000 articles (5,891 pages: 5,891 rendered, 0 reused) into _site/ in 18.3 s ·
 *   images: 0 (0 reused, 0 encoded) · search: 2 parts (2 indexed) · files: 10120 written,
 *   0 removed (fresh) · why: no previous build
 *
 * Numbers may carry thousands separators. Only the first part is required: the others are read
 * when present, so a later change to them does not break the benchmark.
 */

/** What a build says it did. */
export interface BuildSummaryLine {
  readonly articles: number;
  readonly pages: number;
  readonly rendered: number;
  readonly reused: number;
  readonly images?: { readonly total: number; readonly reused: number; readonly encoded: number };
  readonly search?: { readonly parts: number; readonly indexed: number };
  readonly files?: { readonly written: number; readonly removed: number; readonly mode: string };
  /** The "why" part: what made every page change (no previous build, code changed...). */
  readonly why?: string;
}

/** A number as the summary line writes it: `12,401` → 12401. */
function number(text: string | undefined): number {
  return Number((text ?? "").replaceAll(",", ""));
}

const N = "([\\d,]+)";
const HEAD = new RegExp(`Built ${N} articles? \\(${N} pages?: ${N} rendered, ${N} reused\\) into `);
const IMAGES = new RegExp(`images: ${N} \\(${N} reused, ${N} encoded\\)`);
const SEARCH = new RegExp(`search: ${N} parts? \\(${N} indexed\\)`);
const FILES = new RegExp(`files: ${N} written, ${N} removed \\(([^)]*)\\)`);

/** The summary line's figures, from a build's whole output; undefined when it has none. */
export function parseSummary(stdout: string): BuildSummaryLine | undefined {
  const line = stdout.split("\n").find((candidate) => HEAD.test(candidate));
  if (line === undefined) return undefined;
  const head = HEAD.exec(line) ?? [];
  const images = IMAGES.exec(line);
  const search = SEARCH.exec(line);
  const files = FILES.exec(line);
  const why = / · why: (.*)$/.exec(line)?.[1];
  return {
    articles: number(head[1]),
    pages: number(head[2]),
    rendered: number(head[3]),
    reused: number(head[4]),
    ...(images
      ? {
          images: {
            total: number(images[1]),
            reused: number(images[2]),
            encoded: number(images[3]),
          },
        }
      : {}),
    ...(search ? { search: { parts: number(search[1]), indexed: number(search[2]) } } : {}),
    ...(files
      ? { files: { written: number(files[1]), removed: number(files[2]), mode: files[3] ?? "" } }
      : {}),
    ...(why !== undefined ? { why: why.trim() } : {}),
  };
}
