// Click-to-play: swap the thumbnail for Brightcove's iframe only when the reader asks, so the
// player's script costs nothing until then. Without this script the button is a plain link
// to the player page.
for (const link of document.querySelectorAll("a[data-video-player]")) {
  const frame = link.closest(".video-frame");
  if (!frame) continue;
  link.setAttribute("role", "button");
  const play = (event) => {
    event.preventDefault();
    const iframe = document.createElement("iframe");
    iframe.src = link.dataset.videoPlayer;
    iframe.title = frame.dataset.videoTitle || "Video";
    iframe.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    iframe.allowFullscreen = true;
    iframe.className = "video-player";
    frame.replaceChildren(iframe);
    iframe.focus();
  };
  link.addEventListener("click", play);
  // A link answers Enter by itself; as a button it must answer Space too.
  link.addEventListener("keydown", (event) => {
    if (event.key === " ") play(event);
  });
}
