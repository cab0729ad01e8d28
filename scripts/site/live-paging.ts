/**
 * How a live blog is cut into pages that never shift, as the Guardian cuts its blogs: updates in
 * publication order (oldest first) fall into blocks of {@link BLOCK_SIZE} counted from the
 * oldest, so an update's block is fixed by the updates before it, never by those after. The
 * first page (the blog's own URL) shows the newest full block and the block being filled,
 * between {@link BLOCK_SIZE} and twice that less one updates (all of them while there are
 * fewer); every block also has its own page, `<blog>/updates/<n>/`, numbered from the oldest.
 *
 * An update's permanent link is its block's page and its anchor, `update-<name>`: a new update
 * is added to the newest block's page and the first page, and a block's page changes for the
 * last time when the next block opens (it then gains its "newer" link), while it is still
 * shown on the first page. A page of older updates, once off the first page, never changes
 * again when updates are added.
 */

/**
 * Updates per block: a page a phone on a slow network loads quickly, as Newspack's 20.
 *
 * @default 20
 */
export const BLOCK_SIZE = 20;

/** How many blocks `count` updates fill (the last may be partial). */
export function blockCount(count: number, size = BLOCK_SIZE): number {
  return Math.ceil(count / size);
}

/** The block of the update at `position` (0 is the oldest). */
export function blockOf(position: number, size = BLOCK_SIZE): number {
  return Math.floor(position / size);
}

/**
 * The position (0 is the oldest) of the oldest update the first page shows: the start of the
 * newest full block, so the first page holds between `size` and `2 * size - 1` updates.
 */
export function firstPageStart(count: number, size = BLOCK_SIZE): number {
  return Math.max(0, (Math.floor(count / size) - 1) * size);
}

/** A block's page, site-relative: `/asia/<slug>/updates/3/` for block 2 (the third). */
export function blockPath(blogUrl: string, block: number): string {
  return `${blogUrl}updates/${block + 1}/`;
}

/** The anchor of an update on every page that shows it. */
export function updateAnchor(name: string): string {
  return `update-${name}`;
}

/** An update's permanent link, site-relative: its block's page and its anchor. */
export function permalinkPath(blogUrl: string, position: number, name: string): string {
  return `${blogUrl}updates/${blockOf(position) + 1}/#${updateAnchor(name)}`;
}

/** Which block holds each update: `/asia/<slug>/updates/index.json` (see LiveIndexSpec). */
export function liveIndexPath(blogUrl: string): string {
  return `${blogUrl}updates/index.json`;
}

/** The live JSON readers' pages poll: `/asia/<slug>/live.json`. */
export function liveJsonPath(blogUrl: string): string {
  return `${blogUrl}live.json`;
}

/** One block's place: its number, the positions it holds, and its neighbours. */
export interface BlockPlace {
  /** 0 is the oldest block. */
  readonly block: number;
  /** Positions `from` (inclusive) to `to` (exclusive). */
  readonly from: number;
  readonly to: number;
  /** Whether a newer block has updates (the page links it). */
  readonly hasNewer: boolean;
}

/** Every block of `count` updates, oldest first. */
export function blocks(count: number, size = BLOCK_SIZE): BlockPlace[] {
  const total = blockCount(count, size);
  return Array.from({ length: total }, (_, block) => ({
    block,
    from: block * size,
    to: Math.min(count, (block + 1) * size),
    hasNewer: block + 1 < total,
  }));
}

/** The blocks entirely older than the first page, newest first: what its "earlier" list links. */
export function olderBlocks(count: number, size = BLOCK_SIZE): BlockPlace[] {
  const start = firstPageStart(count, size);
  return blocks(count, size)
    .filter((place) => place.to <= start)
    .reverse();
}
