/**
 * What `npm start` shows in the browser while the last save has a mistake: every page carries a
 * box at its top listing the problems as the terminal does (file and line, what is wrong, the
 * fix), over the last good version of the page, and open pages reload when the problems change.
 * An editor working in the browser need not watch the terminal to learn a save did not publish.
 * Only the dev server shows it: the built site never does.
 */
import type { ContentIssue } from "./content/issues.ts";

/** Where the box's stylesheet is served, under the site's path prefix (not a site file). */
export const PROBLEMS_CSS_PATH = "/.broadsheet/problems.css";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

function where(issue: ContentIssue): string {
  const place = issue.line === undefined ? "" : `:${issue.line}`;
  const field = issue.field ? ` [${issue.field}]` : "";
  return `${issue.file}${place}${field}`;
}

/** The box, as HTML: every problem escaped, as the editor wrote what it quotes. */
export function problemsBox(
  issues: readonly ContentIssue[],
  stylesheet: string,
  built: boolean,
): string {
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  const items = issues
    .map(
      (issue) =>
        `<li><code>${escapeHtml(where(issue))}</code><br>${escapeHtml(issue.message)}<br><strong>Fix:</strong> ${escapeHtml(issue.fix)}</li>`,
    )
    .join("");
  return `<link rel="stylesheet" href="${escapeHtml(stylesheet)}"><aside class="broadsheet-problems" role="alert"><h2>The last save was not published: ${count} to fix</h2><p>${built ? "This page is as it was before it." : "This page has not been built yet."} Fix what is listed and save again; this page reloads by itself.</p><ol>${items}</ol></aside>`;
}

/** `html` with the box at the top of its body (or first, for a page without one). */
export function withProblemsBox(html: string, box: string): string {
  const body = /<body[^>]*>/i.exec(html);
  if (!body) return `${box}${html}`;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}${box}${html.slice(at)}`;
}

/** The box's look: above everything, readable in light and dark. */
export const PROBLEMS_CSS = `.broadsheet-problems{position:relative;z-index:2147483647;margin:0;padding:16px 20px;background:#fff4f2;color:#3b0a05;border-bottom:4px solid #c0261a;font:16px/1.45 system-ui,sans-serif}
.broadsheet-problems h2{margin:0 0 6px;font-size:18px}
.broadsheet-problems p{margin:0 0 8px}
.broadsheet-problems ol{margin:0;padding-left:22px}
.broadsheet-problems li{margin:6px 0;overflow-wrap:anywhere}
.broadsheet-problems code{font:14px/1.4 ui-monospace,monospace}
`;
