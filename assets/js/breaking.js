// The breaking-news banner. Article pages fetch it from /breaking.json (one small file the build
// rewrites when the banner changes, so no article is rewritten) once the page has loaded, so it
// never competes with the story for a slow network, and show it as a bar fixed to the foot of
// the screen: it moves nothing on the page. Where the bar would cover the story's opening lines
// or its lead video's play button on the first screen (a phone, a long headline, a lead photo),
// it waits unseen until the reader scrolls or presses a key. The front page has the banner in its HTML;
// there this script runs before the page is drawn and only takes the banner down once its `until`
// has passed, before the next build does.
(() => {
  const script = document.currentScript;
  const passed = (until) =>
    typeof until === "string" && until !== "" && Date.parse(until) <= Date.now();
  // setTimeout holds at most about 24.8 days.
  const later = (until, run) => {
    const wait = Date.parse(until) - Date.now();
    if (wait > 0 && wait < 2 ** 31 - 1) setTimeout(run, wait);
  };

  // The front page: its banner is in the HTML. This script runs in its <head>, before the page is
  // drawn, and hides the banner (site.css: .breaking-over) once its time has passed.
  const until = script ? script.getAttribute("data-breaking-until") : null;
  if (until) {
    const over = () => document.documentElement.classList.add("breaking-over");
    if (passed(until)) over();
    else later(until, over);
    return;
  }
  if (!(script instanceof HTMLScriptElement) || !window.fetch) return;

  const DISMISSED = "broadsheet-breaking-dismissed";
  const remembered = () => {
    try {
      return sessionStorage.getItem(DISMISSED);
    } catch {
      return null;
    }
  };
  const remember = (key) => {
    try {
      sessionStorage.setItem(DISMISSED, key);
    } catch {
      // Storage refused (a private window): the banner comes back on the next page.
    }
  };
  // Only a page of this site or an https address is ever linked, whatever the file says.
  const safeLink = (url) =>
    typeof url === "string" && (/^\/(?!\/)/.test(url) || /^https:\/\//i.test(url));

  const show = (banner) => {
    if (!banner || typeof banner.text !== "string" || banner.text === "" || passed(banner.until)) {
      return;
    }
    const key = `${banner.text}|${banner.url || ""}|${banner.until || ""}`;
    if (remembered() === key) return;
    const bar = document.createElement("section");
    bar.className = "breaking breaking-bar";
    bar.setAttribute("aria-label", "Breaking news");
    const line = document.createElement("p");
    line.className = "breaking-line";
    const label = document.createElement("strong");
    label.className = "breaking-label";
    label.textContent = "Breaking";
    const text = document.createElement(safeLink(banner.url) ? "a" : "span");
    text.className = "breaking-text";
    text.textContent = banner.text;
    if (safeLink(banner.url)) text.setAttribute("href", banner.url);
    line.append(label, " ", text);
    const close = document.createElement("button");
    close.type = "button";
    close.className = "breaking-close";
    close.setAttribute("aria-label", "Dismiss breaking news");
    close.textContent = "\u00d7";
    const main = document.querySelector("main");
    const remove = () => {
      const hadFocus = bar.contains(document.activeElement);
      bar.remove();
      document.documentElement.classList.remove("has-breaking-bar");
      if (hadFocus && main) main.focus();
    };
    close.addEventListener("click", () => {
      remember(key);
      remove();
    });
    bar.append(line, close);
    // First in the main content, so a screen reader meets it there; drawn at the foot of the
    // screen. Unseen (site.css: .breaking-waiting) until it is known not to hide the story.
    bar.classList.add("breaking-waiting");
    (main || document.body).prepend(bar);
    document.documentElement.classList.add("has-breaking-bar");
    if (banner.until) later(banner.until, remove);
    const reveal = () => {
      bar.classList.remove("breaking-waiting");
      window.removeEventListener("scroll", reveal);
      window.removeEventListener("keydown", reveal);
    };
    if (!coversOpening(bar)) reveal();
    else {
      window.addEventListener("scroll", reveal, { passive: true });
      window.addEventListener("keydown", reveal);
    }
  };

  // Whether the bar would sit over the first two lines of the story's first paragraph, or over
  // the lead video's play button, while they are on the screen: the first words a reader came
  // for, and the control a video story opens with.
  const coversOpening = (bar) => {
    const barTop = window.innerHeight - bar.offsetHeight;
    const first = document.querySelector(".story-body p");
    if (first) {
      const top = first.getBoundingClientRect().top;
      const lineHeight = Number.parseFloat(getComputedStyle(first).lineHeight) || 28;
      if (top < window.innerHeight && top + 2 * lineHeight > barTop) return true;
    }
    const play = document.querySelector(".story .video-play");
    if (play) {
      const { top, bottom } = play.getBoundingClientRect();
      if (top < window.innerHeight && bottom > barTop) return true;
    }
    return false;
  };

  const fetchBanner = () =>
    fetch(new URL("../breaking.json", script.src), { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : undefined))
      .then(show)
      .catch(() => undefined);
  if (document.readyState === "complete") fetchBanner();
  else window.addEventListener("load", fetchBanner, { once: true });
})();
