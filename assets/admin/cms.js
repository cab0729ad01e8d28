/**
 * The editors' web UI at /admin/: Sveltia CMS, bundled from npm by the build
 * (scripts/cms/bundle.ts), so nothing is loaded from a CDN. It reads config.yml beside the page,
 * which the build writes from the content schemas.
 */
import CMS from "@sveltia/cms";

// The preview pane uses the site's own stylesheet, written beside this script by the build.
CMS.registerPreviewStyle(new URL("preview.css", import.meta.url).href);
CMS.init();
