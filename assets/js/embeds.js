// Click-to-load embeds. Each facade is a link to the original post or player (what a reader
// without JavaScript follows); pressing it puts the provider's own iframe player in the box the
// facade reserved, moves focus there and removes the note on what pressing loads. Nothing is
// requested from the provider before that, and no provider script ever runs in this page: the
// page's policy allows its providers' frames only.
const ALLOW =
  "autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture; web-share";

for (const link of document.querySelectorAll("a[data-embed-src]")) {
  const frame = link.closest(".embed-frame");
  let source;
  try {
    source = new URL(link.dataset.embedSrc);
  } catch {
    continue;
  }
  if (!frame || source.protocol !== "https:") continue;
  link.setAttribute("role", "button");
  const load = (event) => {
    event.preventDefault();
    const iframe = document.createElement("iframe");
    iframe.src = source.href;
    iframe.title = frame.dataset.embedTitle || "Embedded post";
    iframe.allow = ALLOW;
    iframe.allowFullscreen = true;
    iframe.referrerPolicy = "strict-origin-when-cross-origin";
    iframe.className = "embed-player";
    frame.replaceChildren(iframe);
    // The box takes the player's size; the note on what pressing loads has been answered.
    frame.classList.add("embed-loaded");
    frame.closest("figure")?.querySelector(".embed-note")?.remove();
    iframe.focus();
  };
  link.addEventListener("click", load);
  // A link answers Enter by itself; as a button it must answer Space too.
  link.addEventListener("keydown", (event) => {
    if (event.key === " ") load(event);
  });
}

// X's and Instagram's players say how tall their post is: the frame grows to fit, so a long post
// is not cut off. Only a number, only from the frame's own provider, is ever read.
const reportedHeight = (event) => {
  let data = event.data;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (!data || typeof data !== "object") return undefined;
  const twitter = data["twttr.embed"];
  let height;
  if (
    event.origin === "https://platform.twitter.com" &&
    twitter?.method === "twttr.private.resize"
  ) {
    height = twitter.params?.[0]?.height;
  } else if (event.origin === "https://www.instagram.com" && data.type === "MEASURE") {
    height = data.details?.height;
  }
  return typeof height === "number" && Number.isFinite(height) ? Math.ceil(height) : undefined;
};

addEventListener("message", (event) => {
  const height = reportedHeight(event);
  if (height === undefined) return;
  for (const iframe of document.querySelectorAll("iframe.embed-player")) {
    if (iframe.contentWindow !== event.source) continue;
    const box = iframe.closest(".embed-frame");
    if (box) box.style.height = `${Math.min(Math.max(height, 120), 2400)}px`;
  }
});
