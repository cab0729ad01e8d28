/** Levenshtein distance, for "did you mean" suggestions on misspelt field names. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

/**
 * The known name closest to `name`, if it is close enough to be a plausible typo.
 *
 * @example closestName("tittle", ["title", "tags"]) // "title"
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  // A third of the length (at least 2) catches typos and plurals without suggesting nonsense.
  const threshold = Math.max(2, Math.floor(lower.length / 3));
  return best && best.distance <= threshold ? best.name : undefined;
}
