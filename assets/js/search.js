// Search: runs the query against the static Pagefind index (no server, works offline once
// loaded) and lists matching stories and standing pages, each labelled as cards label kinds,
// with its section and date, and an excerpt of its text with the words found marked.
// Results are built as DOM nodes, never as HTML strings. The index comes in parts (a year, a
// month or a run of days, newest first, then the standing pages'), built apart so a publish or
// an edit re-indexes only its own part; the newest part's library loads and merges the others.
const form = document.querySelector("form[data-pagefind]");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
let pagefind;
let latest = 0;

async function engine() {
  if (!pagefind) {
    const folder = form.dataset.pagefind;
    const baseUrl = form.dataset.baseUrl || "/";
    const [first, ...others] = (form.dataset.parts || "").split(" ").filter(Boolean);
    if (!first) return undefined;
    const loaded = await import(`${folder}${first}/pagefind.js`);
    await loaded.options({ baseUrl });
    await Promise.all(others.map((part) => loaded.mergeIndex(`${folder}${part}/`, { baseUrl })));
    pagefind = loaded;
  }
  return pagefind;
}

// Pagefind's excerpt is HTML with <mark> around hits: keep the text and the marks only.
function excerpt(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const p = document.createElement("p");
  for (const node of doc.body.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      p.append(mark);
    } else {
      p.append(node.textContent);
    }
  }
  return p;
}

async function run(query) {
  const ticket = ++latest;
  list.replaceChildren();
  if (!query.trim()) {
    status.textContent = "Type a word or a name and press Search.";
    return;
  }
  status.textContent = "Searching…";
  const index = await engine();
  const search = index ? await index.search(query) : { results: [] };
  const results = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
  if (ticket !== latest) return;
  status.textContent =
    results.length === 0
      ? `Nothing found for “${query}”.`
      : `${results.length} ${results.length === 1 ? "result" : "results"} found for “${query}”.`;
  for (const result of results) {
    const item = document.createElement("li");
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title || result.url;
    heading.append(link);
    // Opinion, analysis, sponsored...: labelled here as on every card.
    if (result.meta.kind) {
      const label = document.createElement("p");
      label.className = `kind-label kind-${result.meta.kind.toLowerCase()}`;
      label.textContent = result.meta.kind;
      item.append(label);
    }
    item.append(heading);
    // Where and when, as a card says it: the section, then the date (pages have neither).
    if (result.meta.section || result.meta.date) {
      const meta = document.createElement("p");
      meta.className = "search-meta";
      if (result.meta.section) {
        const section = document.createElement("span");
        section.textContent = result.meta.section;
        meta.append(section);
      }
      if (result.meta.date) {
        const time = document.createElement("time");
        if (result.meta.datetime) time.dateTime = result.meta.datetime;
        time.textContent = result.meta.date;
        meta.append(time);
      }
      item.append(meta);
    }
    item.append(excerpt(result.excerpt));
    list.append(item);
  }
}

if (form) {
  const input = form.querySelector("input[name=q]");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    history.replaceState(null, "", `?q=${encodeURIComponent(input.value)}`);
    run(input.value);
  });
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
}
