/**
 * Which planned pages a build takes from the last one and which it renders, and the state
 * entries of what it rendered. A page is reused when its key is the last build's and its bytes
 * are still there; a page rendered again with the same bytes keeps its first publication time,
 * so deploy tools that compare times see it unchanged.
 */
import type { PageSpec } from "../site/page-specs.ts";
import type { PackRef } from "./pack-store.ts";
import type { PlannedPage } from "./page-plan.ts";
import type { PageEntry } from "./state.ts";

export interface PlanSplit {
  /** The last build's entries of pages that need no rendering. */
  readonly reused: Record<string, PageEntry>;
  /** Specs of the pages to render, built only when rendering reaches them. */
  readonly dirty: (() => PageSpec)[];
}

/**
 * Splits the plan. `hasBytes` says whether a page's bytes can still be had: always when the
 * output folder is updated in place, otherwise when the page store holds them.
 */
export function splitPlan(
  plan: readonly PlannedPage[],
  previous: Readonly<Record<string, PageEntry>> | undefined,
  hasBytes: (ref: PackRef) => boolean,
): PlanSplit {
  const reused: Record<string, PageEntry> = {};
  const dirty: (() => PageSpec)[] = [];
  for (const page of plan) {
    const before = previous?.[page.file];
    if (before && before.key === page.key && hasBytes(before.ref)) reused[page.file] = before;
    else dirty.push(page.spec);
  }
  return { reused, dirty };
}

/** The state entries of freshly rendered pages. */
export function renderedEntries(
  rendered: readonly { readonly file: string; readonly ref: PackRef }[],
  plan: readonly PlannedPage[],
  previous: Readonly<Record<string, PageEntry>> | undefined,
  publishedAt: number,
): Record<string, PageEntry> {
  const keys = new Map(plan.map((page) => [page.file, page.key]));
  const entries: Record<string, PageEntry> = {};
  for (const page of rendered) {
    const before = previous?.[page.file];
    entries[page.file] = {
      key: keys.get(page.file) ?? "",
      ref: page.ref,
      mtimeMs: before && before.ref.hash === page.ref.hash ? before.mtimeMs : publishedAt,
    };
  }
  return entries;
}

/** Every file the last build published, with its identity (a page's hash, a file's identity). */
export function previousOutputs(
  state:
    | {
        readonly pages: Readonly<Record<string, PageEntry>>;
        readonly files: Readonly<Record<string, string>>;
      }
    | undefined,
): Map<string, string> | undefined {
  if (!state) return undefined;
  return new Map<string, string>([
    ...Object.entries(state.pages).map(([file, page]): [string, string] => [file, page.ref.hash]),
    ...Object.entries(state.files),
  ]);
}

/** Files written (new or different) or removed, against the last build's outputs. */
export function changedOutputs(
  planned: ReadonlyMap<string, { readonly identity: string }>,
  previous: ReadonlyMap<string, string> | undefined,
): string[] {
  const written = [...planned.keys()].filter(
    (file) => previous?.get(file) !== planned.get(file)?.identity,
  );
  const removed = [...(previous?.keys() ?? [])].filter((file) => !planned.has(file));
  return [...written, ...removed];
}
