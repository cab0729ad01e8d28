/**
 * The seed wire story exactly as received (tests/fixtures/seed-wire.txt, the newsroom's file, kept
 * in the repository so the tests never depend on a folder outside it), for word-for-word checks.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./fixture-site.ts";

export const SEED_FILE = path.join(REPO_ROOT, "tests/fixtures/seed-wire.txt");

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
