// A live blog's new updates, without a reload. While the coverage is live the first page names
// its JSON (`data-live`, built by the site: only this site is asked, as the policy's
// `connect-src 'self'` allows) and asks it every `data-live-interval` ms with `cache: "no-cache"`,
// so the browser revalidates (ETag, 304) instead of downloading an unchanged file.
//
// New updates never move what the reader is reading. They go in at once only while the stream
// is below the screen (the reader is at the top of the page) and the tab is visible; otherwise
// a "N new updates" button, fixed over the page, waits for the reader, and pressing it puts them
// in and scrolls to them. While the tab is hidden its title counts them: "(2) Headline". Asking
// stops when the JSON says the coverage has ended, and while the tab has been hidden for five
// minutes (it resumes when the reader comes back). Without JavaScript a reload shows the same.
const HIDDEN_LIMIT_MS = 5 * 60 * 1000;
const stream = document.querySelector("[data-live]");

if (stream) {
  const url = stream.dataset.live;
  const list = stream.querySelector("[data-live-updates]");
  const bar = stream.querySelector("[data-live-new]");
  const button = stream.querySelector("[data-live-show]");
  const status = stream.querySelector("[data-live-status]");
  const title = document.title;
  /** Updates received and not yet shown, newest first: `{ id, timeMs, node }`. */
  let pending = [];
  /** Updates put in since the page loaded. */
  let added = 0;
  /** Updates the blog has that neither the page nor the JSON's newest hold (a reload has). */
  let missing = 0;
  let timer;
  let hiddenSince = document.hidden ? Date.now() : undefined;
  let stopped = false;

  const interval = () => Math.max(250, Number(stream.dataset.liveInterval) || 15000);
  const shown = () => [...list.querySelectorAll("[data-update]")];
  const words = (count) => (count === 1 ? "1 new update" : `${count} new updates`);

  const schedule = () => {
    clearTimeout(timer);
    timer = stopped ? undefined : setTimeout(poll, interval());
  };

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    timer = undefined;
  };

  const toNode = (update) => {
    const template = document.createElement("template");
    template.innerHTML = update.html;
    return template.content.firstElementChild;
  };

  // A key event put in is listed at the top of the key events too, as a reload would list it:
  // its time as the update shows it and its title (else the start of its text), linking to it.
  const listKeyEvent = (node) => {
    if (!node.classList.contains("live-update-key") || !node.id) return;
    let events = document.querySelector(".live-key-events ol");
    if (!events) {
      const nav = document.createElement("nav");
      nav.className = "live-key-events";
      nav.setAttribute("aria-labelledby", "live-key-events-heading");
      const heading = document.createElement("h2");
      heading.id = "live-key-events-heading";
      heading.textContent = "Key events";
      events = document.createElement("ol");
      nav.append(heading, events);
      (document.querySelector(".live-pinned") ?? stream).before(nav);
    }
    const when = node.querySelector(".live-update-time time");
    const text =
      node.querySelector(".live-update-title")?.textContent ??
      (node.querySelector(".story-body")?.textContent ?? "").trim().replace(/\s+/g, " ");
    const link = document.createElement("a");
    link.href = `#${node.id}`;
    if (when) link.append(when.cloneNode(true), " ");
    const words = document.createElement("span");
    words.className = "live-key-text";
    words.textContent = text.length > 100 ? `${text.slice(0, 99).replace(/\s+\S*$/, "")}…` : text;
    link.append(words);
    const item = document.createElement("li");
    item.append(link);
    events.prepend(item);
  };

  // The stream has not reached the screen yet: what goes into it moves nothing the reader sees.
  const streamBelowScreen = () => list.getBoundingClientRect().top >= window.innerHeight;

  const insert = (fromButton) => {
    if (missing > 0) {
      // More arrived than the JSON holds: the page itself has them all.
      location.reload();
      return;
    }
    const items = pending;
    pending = [];
    bar.hidden = true;
    document.title = title;
    if (items.length === 0) return;
    list.querySelector("[data-live-empty]")?.remove();
    list.prepend(...items.map((item) => item.node));
    // Oldest first, so the newest key event ends up on top. Only where that moves nothing the
    // reader sees: when the button was pressed (the page then goes to the new updates) or while
    // the list is below the screen; otherwise a reload lists them.
    const keyList = document.querySelector(".live-key-events");
    if (fromButton || !keyList || keyList.getBoundingClientRect().top >= window.innerHeight) {
      for (const item of [...items].reverse()) listKeyEvent(item.node);
    }
    added += items.length;
    status.textContent = `${words(items.length)} shown.`;
    if (fromButton) {
      const first = items[0].node;
      first.setAttribute("tabindex", "-1");
      first.scrollIntoView({ block: "start" });
      first.focus({ preventScroll: true });
    }
  };

  const present = () => {
    const count = pending.length + missing;
    if (count === 0) return;
    if (!document.hidden && missing === 0 && streamBelowScreen()) {
      insert(false);
      return;
    }
    button.textContent = words(count);
    bar.hidden = false;
    status.textContent = `${words(count)}.`;
    if (document.hidden) document.title = `(${count}) ${title}`;
  };

  const receive = (data) => {
    if (data?.version !== 1 || !Array.isArray(data.updates)) return;
    const onPage = shown();
    const seen = new Set([
      ...onPage.map((node) => node.dataset.update),
      ...pending.map((u) => u.id),
    ]);
    const newest = Math.max(
      Number(onPage[0]?.dataset.time ?? Number.NEGATIVE_INFINITY),
      pending[0]?.timeMs ?? Number.NEGATIVE_INFINITY,
    );
    // Newer than anything the reader has: an update timed earlier waits for a reload.
    const fresh = data.updates.filter((update) => !seen.has(update.id) && update.timeMs >= newest);
    const nodes = fresh.map((update) => ({
      id: update.id,
      timeMs: update.timeMs,
      node: toNode(update),
    }));
    pending = [...nodes.filter((item) => item.node), ...pending];
    const base = Number(stream.dataset.liveCount) || 0;
    missing = Math.max(0, data.count - base - added - pending.length);
    present();
    if (data.ended) {
      stop();
      status.textContent = "This live coverage has ended.";
    }
  };

  async function poll() {
    timer = undefined;
    if (stopped) return;
    if (
      document.hidden &&
      hiddenSince !== undefined &&
      Date.now() - hiddenSince > HIDDEN_LIMIT_MS
    ) {
      return; // paused until the reader comes back
    }
    try {
      const response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
      if (response.ok) receive(await response.json());
    } catch {
      // Offline or a deploy in progress: ask again next time.
    }
    schedule();
  }

  button.addEventListener("click", () => insert(true));
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) {
      hiddenSince = Date.now();
      return;
    }
    hiddenSince = undefined;
    document.title = title;
    present();
    if (!stopped && timer === undefined) poll();
  });
  schedule();
}
