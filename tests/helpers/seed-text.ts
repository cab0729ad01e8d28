/** The seed wire story as received, read from ../shared/seed, for word-for-word comparisons. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./fixture-site.ts";

export const SEED_FILE = path.resolve(REPO_ROOT, "../shared/seed/000_a7b6e8f7cc046be0.txt");

/** Typographic quotes count as the straight ones they were typed as. */
export function normaliseQuotes(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim();
}

/** The seed's body paragraphs: from the dateline paragraph to the Hanoi line, dateline removed. */
export function seedParagraphs(): string[] {
  const lines = readFileSync(SEED_FILE, "utf8")
    .split(/\r?\n/)
    .map((line) => line.trim());
  const start = lines.findIndex((line) =>
    line.startsWith("WASHINGTON/SEOUL (BLOOMBERG, REUTERS, AFP) - "),
  );
  const end = lines.indexOf("The second Trump-Kim summit ended abruptly in Hanoi.");
  const paragraphs = lines.slice(start, end + 1).filter(Boolean);
  paragraphs[0] = (paragraphs[0] ?? "").replace(
    "WASHINGTON/SEOUL (BLOOMBERG, REUTERS, AFP) - ",
    "",
  );
  return paragraphs;
}
