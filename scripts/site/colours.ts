/**
 * The site's colours for browsers' chrome and the web app manifest: the paper and the masthead's
 * navy of assets/css/site.css (`--paper`, `--mark`; a test holds them equal), and the dark
 * theme's paper. A module of its own, without Node imports: layouts (bundled for the web
 * editor's preview too) read it.
 */
export const SITE_COLOURS = {
  paper: "#fdfcf8",
  mark: "#14213d",
  darkPaper: "#121212",
} as const;
