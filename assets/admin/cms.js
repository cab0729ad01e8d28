/**
 * The editors' web UI at /admin/: Sveltia CMS, bundled from npm by the build
 * (scripts/cms/bundle.ts), so nothing is loaded from a CDN. It reads config.yml beside the page,
 * which the build writes from the content schemas.
 *
 * The article preview is the site's own article page (scripts/cms/preview/), drawn from what the
 * form holds with each keystroke and styled by the site's own stylesheets (preview.css); what it
 * knows of the site and the author profiles is in preview.json, written by the build.
 */
import CMS from "@sveltia/cms";
import { DateTime } from "luxon";
import { renderArticlePreview } from "../../scripts/cms/preview/article-preview.tsx";

CMS.registerPreviewStyle(new URL("preview.css", import.meta.url).href);

const settings = await fetch(new URL("preview.json", import.meta.url)).then((response) =>
  response.json(),
);

/**
 * A photo's URL as the editor has it (saved beside the article, or just chosen): `pending` when
 * the CMS knows the file but is still reading it (its URL arrives a moment later).
 */
function fileUrl(getAsset, src) {
  const asset = getAsset(src);
  if (!asset) return { state: "missing" };
  const url = String(asset.url ?? "");
  return /^(?:blob|data|https?):/.test(url) ? { state: "ready", url } : { state: "pending" };
}

// A preview template is a React component (Sveltia's API); the CMS provides createClass and h.
const ArticlePreview = window.createClass({
  getInitialState() {
    return { sizes: {}, waits: 0 };
  },
  /** Draws again shortly, while a photo's file is still being read (for at most ten seconds). */
  wait() {
    if (this.waiting || this.state.waits > 100) return;
    this.waiting = setTimeout(() => {
      this.waiting = undefined;
      this.setState((state) => ({ waits: state.waits + 1 }));
    }, 100);
  },
  componentWillUnmount() {
    clearTimeout(this.waiting);
  },
  /** Learns a photo's size once, then draws again: the page keeps the photo's own shape. */
  measure(url) {
    this.measuring ??= new Set();
    if (this.measuring.has(url)) return;
    this.measuring.add(url);
    const image = new Image();
    image.onload = () =>
      this.setState((state) => ({
        sizes: {
          ...state.sizes,
          [url]: { width: image.naturalWidth, height: image.naturalHeight },
        },
      }));
    image.src = url;
  },
  render() {
    const h = window.h;
    const data = this.props.entry.get("data")?.toJS() ?? {};
    const file = (src) => {
      const found = fileUrl(this.props.getAsset, src);
      if (found.state === "pending") queueMicrotask(() => this.wait());
      if (found.state !== "ready") return undefined;
      const size = this.state.sizes[found.url];
      if (!size) queueMicrotask(() => this.measure(found.url));
      return { url: found.url, ...size };
    };
    const page = renderArticlePreview(data, settings, file, DateTime.now());
    return h(
      "div",
      { className: "preview-page" },
      page.problems.length > 0
        ? h(
            "div",
            { className: "preview-notes", role: "note" },
            h("h2", null, "Not ready to publish: the build would stop on"),
            h(
              "ul",
              null,
              page.problems.map((problem) => h("li", { key: problem }, problem)),
            ),
          )
        : null,
      h("div", { dangerouslySetInnerHTML: { __html: page.html } }),
    );
  },
});

CMS.registerPreviewTemplate("articles", ArticlePreview);
CMS.init();
