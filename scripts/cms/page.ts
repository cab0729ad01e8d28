/**
 * `/admin/index.html`: an empty page that loads the CMS. It passes the build's output checks
 * (one <h1>, a title, a lang, no inline script or style, links from the site root) and tells
 * search engines to keep out.
 */
import type { Site } from "../content/model.ts";
import { href } from "../site/urls.ts";

/** Escapes text for HTML: the site's name is the only text from configuration. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function adminPage(site: Pick<Site, "name" | "language" | "pathPrefix">): string {
  const name = escapeHtml(site.name);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(site.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Editor · ${name}</title>
<script type="module" src="${href(site, "/admin/cms.js")}"></script>
</head>
<body>
<noscript><h1>${name}: editor</h1><p>The editor needs JavaScript.</p></noscript>
</body>
</html>
`;
}
