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
    // A swap of two letters counts as one slip ("titel" is one from "title", two from "time").
    const distance = slipDistance(lower, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  // A third of the length (at least 2) catches typos and plurals without suggesting nonsense.
  const threshold = Math.max(2, Math.floor(lower.length / 3));
  return best && best.distance <= threshold ? best.name : undefined;
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string
 * alignment): "Tna" is one slip from "Tan", as a typist sees it.
 */
export function slipDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = rows[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** A name as a typist might have meant it: lowercase, accents off, hyphens and runs of space as one space. */
function typed(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s-]+/g, " ")
    .trim();
}

/**
 * True when `written` differs from `known` by a typing slip: only in case, accents, spaces or
 * hyphens, or by one edit (a letter missing, extra, wrong or two swapped), two in names of ten
 * letters or more. Equal strings are no slip.
 *
 * @example isTypingSlip("Tan Hui Ye", "Tan Hui Yee") // true
 * @example isTypingSlip("Tan Hui Ling", "Tan Hui Yee") // false
 */
export function isTypingSlip(written: string, known: string): boolean {
  if (written === known) return false;
  const a = typed(written);
  const b = typed(known);
  const allowed = Math.min(a.length, b.length) >= 10 ? 2 : 1;
  return Math.abs(a.length - b.length) <= allowed && slipDistance(a, b) <= allowed;
}
