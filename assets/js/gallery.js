// Galleries. Each photo is a link to its largest version (what a reader without JavaScript
// gets); here it opens in the gallery's viewer instead: a modal <dialog> over the page, so
// nothing on the page moves, with previous and next by button or arrow key, Escape to close,
// and focus back on the photo it was opened from.
const VIEWER_SIZES = "(min-width: 1232px) 1176px, calc(100vw - 2.5rem)";

for (const gallery of document.querySelectorAll("[data-gallery]")) {
  const viewer = gallery.querySelector("dialog[data-gallery-viewer]");
  const stage = viewer?.querySelector("[data-gallery-stage]");
  const count = viewer?.querySelector("[data-gallery-count]");
  const links = [...gallery.querySelectorAll("a[data-gallery-open]")];
  if (!viewer || !stage || !count || typeof viewer.showModal !== "function") continue;
  let current = 0;
  let opener = null;

  const show = (index) => {
    current = (index + links.length) % links.length;
    const link = links[current];
    const frame = link.querySelector(".media-frame")?.cloneNode(true);
    if (!frame) return;
    // The whole photo, not the grid's 4:3 cut.
    frame.classList.remove("gallery-frame");
    // The same picture, asked for at the viewer's size: the browser takes a larger file.
    for (const element of frame.querySelectorAll("source, img[srcset]")) {
      element.setAttribute("sizes", VIEWER_SIZES);
    }
    for (const image of frame.querySelectorAll("img")) image.removeAttribute("loading");
    const caption = link.closest("figure")?.querySelector("figcaption")?.cloneNode(true);
    stage.replaceChildren(frame, ...(caption ? [caption] : []));
    count.textContent = `Photo ${current + 1} of ${links.length}`;
  };

  links.forEach((link, index) => {
    link.addEventListener("click", (event) => {
      // A new tab or window still gets the file itself.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return;
      }
      event.preventDefault();
      opener = link;
      show(index);
      viewer.showModal();
    });
  });
  viewer.addEventListener("click", (event) => {
    const step = event.target.closest("[data-gallery-step]");
    if (step) show(current + Number(step.dataset.galleryStep));
    else if (event.target.closest("[data-gallery-close]")) viewer.close();
  });
  viewer.addEventListener("keydown", (event) => {
    if (event.key === "ArrowRight") show(current + 1);
    else if (event.key === "ArrowLeft") show(current - 1);
    else return;
    event.preventDefault();
  });
  viewer.addEventListener("close", () => {
    stage.replaceChildren();
    opener?.focus();
  });
}
