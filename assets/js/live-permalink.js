// A live blog's pages of older updates. An update's permanent link is its page and its anchor
// (scripts/site/live-paging.ts); an update published later with an earlier time moves the
// updates after it one place on, and some onto the next page. When the anchor a link names is
// not on this page, the blog's index of which page holds each update (one small file, fetched
// only then) sends the reader on to the page that holds it now.
(() => {
  const page = document.querySelector("[data-live-index]");
  if (!(page instanceof HTMLElement) || !window.fetch) return;
  const { liveIndex, liveBlock, livePages } = page.dataset;
  const follow = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id.startsWith("update-") || document.getElementById(id)) return;
    fetch(liveIndex, { cache: "no-cache" })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((index) => {
        const block = index?.blocks?.[id.slice("update-".length)];
        if (!Number.isInteger(block) || String(block) === liveBlock) return;
        location.replace(`${livePages}${block}/#${encodeURIComponent(id)}`);
      })
      .catch(() => {});
  };
  follow();
  window.addEventListener("hashchange", follow);
})();
