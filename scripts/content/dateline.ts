/** The dateline's lead-in, shared by the build and the web editor's preview (no Node APIs). */

/**
 * The lead-in shown before the first paragraph: `WASHINGTON/SEOUL (BLOOMBERG, REUTERS, AFP) -`.
 * Agencies are set in capitals as wire style has them; the place is shown as written.
 */
export function datelineLead(
  dateline: string | undefined,
  sources: readonly string[],
): string | undefined {
  const agencies =
    sources.length > 0 ? `(${sources.map((source) => source.toUpperCase()).join(", ")})` : "";
  const lead = [dateline, agencies].filter(Boolean).join(" ");
  return lead ? `${lead} -` : undefined;
}
