/**
 * Reading a `srcset` as browsers do (the HTML standard's "parse a srcset attribute"): a URL runs
 * to the next whitespace, so it may hold commas (Cloudflare's `width=800,format=avif`); a comma
 * after its descriptors, outside parentheses, ends a candidate. Splitting on commas would cut
 * such URLs apart.
 */

/** One candidate: its URL and its descriptor (`800w`, `2x`, or empty). */
export interface SrcsetCandidate {
  readonly url: string;
  readonly descriptor: string;
}

function isSpace(char: string | undefined): boolean {
  return char === " " || char === "\t" || char === "\n" || char === "\f" || char === "\r";
}

/** Every candidate of a `srcset` value, in order. */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let at = 0;
  while (at < value.length) {
    while (at < value.length && (isSpace(value[at]) || value[at] === ",")) at++;
    if (at >= value.length) break;
    const start = at;
    while (at < value.length && !isSpace(value[at])) at++;
    let url = value.slice(start, at);
    let descriptor = "";
    if (url.endsWith(",")) {
      url = url.replace(/,+$/, "");
    } else {
      const from = at;
      let depth = 0;
      while (at < value.length) {
        const char = value[at];
        if (char === "(") depth++;
        else if (char === ")") depth = Math.max(0, depth - 1);
        else if (char === "," && depth === 0) break;
        at++;
      }
      descriptor = value.slice(from, at).trim();
      at++;
    }
    if (url !== "") candidates.push({ url, descriptor });
  }
  return candidates;
}

/** The URLs of a `srcset` value. */
export function srcsetUrls(value: string): string[] {
  return parseSrcset(value).map((candidate) => candidate.url);
}
