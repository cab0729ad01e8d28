/**
 * The editors' web UI end to end, in Chromium with every request to another host blocked:
 * `npm run cms` on a fixture project, Sveltia CMS's local mode on a copy of it: the sign-in screen
 * with the site's name and logo; the article list with each story's section, date and draft
 * state, newest first; the preview drawn by the site's own article layout and stylesheet,
 * following the form as the editor types; authors chosen from the profiles, names without one
 * kept as written; lists labelled as they read ("1 Correction"); an article created in the form
 * with a photo, alt text, section and date, saved, and published by the real build; the seed
 * opened and saved unchanged, and still the same article; an update added to a running live
 * blog; the front page's file edited (a banner, a container whose story is chosen by headline)
 * and built; and the built /admin/ under the policy `_headers` gives it. No console errors
 * anywhere.
 *
 * Local mode reads the project through the browser's folder picker, which Playwright cannot
 * drive (playwright#11288): an init script answers the picker with a folder in the page's
 * origin-private file system, filled with a copy of the project (with a `.git/HEAD`, as in a
 * clone). What the CMS saves there is copied back into the project on disk, as the real picker
 * would have written it.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { load } from "cheerio";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { browserPath, launchBrowser, MISSING_BROWSER } from "../../scripts/cli/browser.ts";
import { loadArticle } from "../../scripts/content/load-article.ts";
import { loadSite } from "../../scripts/content/load-site.ts";
import type { Article } from "../../scripts/content/model.ts";
import { contentOptionsFromEnv } from "../../scripts/content/options.ts";
import { runBuild } from "../helpers/build.ts";
import {
  articleSource,
  createFixtureSite,
  type FixtureSite,
  REPO_ROOT,
  SEED_SLUG,
} from "../helpers/fixture-site.ts";
import { LIVE_PATH, LIVE_SLUG, updateName, writeLiveBlog } from "../helpers/live-blog.ts";
import { writeProfile } from "../helpers/profiles.ts";
import { type StaticServer, serveStatic } from "../helpers/static-server.ts";

const BROWSER = browserPath();
const SKIP = BROWSER ? false : MISSING_BROWSER;
const SEED_TITLE = "North Korea's Kim Jong Un receives personal letter from Trump, KCNA says";
const NEW_SLUG = "floodwaters-rise-in-jakarta";
const BYLINES_SLUG = "rates-held-in-jakarta";
const DRAFT_TITLE = "Budget talks stall";

describe("the browser for the editor's tests", () => {
  it("is installed (required when CI=true)", {
    skip: process.env.CI === "true" ? false : SKIP,
  }, () => {
    assert.ok(BROWSER, MISSING_BROWSER);
  });
});

/** Answers the folder picker with the copy of the project in the origin-private file system. */
const STUB_PICKER = `window.showDirectoryPicker = async () =>
  (await navigator.storage.getDirectory()).getDirectoryHandle("project", { create: true });`;

/** Every file of the project the editor needs, relative to its root. */
function projectFiles(root: string): { path: string; base64: string }[] {
  const files = [
    { path: ".git/HEAD", base64: Buffer.from("ref: refs/heads/main\n").toString("base64") },
  ];
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(child);
      else
        files.push({
          path: child,
          base64: readFileSync(path.join(root, child)).toString("base64"),
        });
    }
  };
  walk("content");
  return files;
}

/** Writes files into the origin-private copy of the project (a string: tsx helpers do not exist in the page). */
const WRITE_FILES = `async (files) => {
  const project = await (await navigator.storage.getDirectory()).getDirectoryHandle("project", { create: true });
  for (const file of files) {
    const parts = file.path.split("/");
    let folder = project;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, { create: true });
    const writable = await (await folder.getFileHandle(parts.at(-1), { create: true })).createWritable();
    await writable.write(Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0)));
    await writable.close();
  }
}`;

/** Reads every file under a folder of the origin-private copy, as base64 by relative path. */
const READ_FOLDER = `async (folderPath) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle("project");
  for (const part of folderPath.split("/")) folder = await folder.getDirectoryHandle(part);
  const files = {};
  for await (const [name, handle] of folder.entries()) {
    if (handle.kind !== "file") continue;
    const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    files[name] = btoa(binary);
  }
  return files;
}`;

/** Starts `npm run cms` in `root` and resolves with the address it prints. */
function startCms(root: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      import.meta.resolve("tsx"),
      path.join(REPO_ROOT, "scripts/cli/cms.ts"),
      "--port",
      "0",
    ],
    {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(REPO_ROOT, "tsconfig.json") },
    },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`npm run cms printed no address:\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Editors' web UI: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.on("exit", (code) => reject(new Error(`npm run cms exited with ${code}:\n${output}`)));
  });
}

/** What an article says, as readers get it: every field's value and the body. */
function meaning(article: Article) {
  return {
    title: article.title,
    description: article.description,
    standfirst: article.standfirst,
    date: article.date.toISO(),
    updated: article.updated?.toISO(),
    section: article.section.slug,
    tags: article.tags,
    dateline: article.dateline,
    sources: article.sources,
    authors: article.authors,
    image: article.image && {
      ...article.image,
      path: path.basename(article.image.path),
      line: 0,
      column: 0,
    },
    video: article.video && {
      ...article.video,
      thumbnail: article.video.thumbnail.src,
      duration: article.video.duration?.toISO(),
    },
    draft: article.draft,
    bodyText: article.bodyText,
    body: article.body,
  };
}

describe("the editors' web UI in Chromium", { skip: SKIP }, () => {
  let site: FixtureSite;
  let cms: { child: ChildProcess; url: string };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Requests to any host but this machine, and what the page's policy refused. */
  const foreign: string[] = [];
  const problems: string[] = [];

  const field = (key: string) => page.locator(`section[data-key-path="${key}"]`);

  /**
   * A field far down a long form, once it is there: the editor adds fields as the form scrolls
   * toward them, so the last field shown is scrolled into view until this one exists.
   */
  const reveal = async (key: string) => {
    for (let step = 0; step < 50 && (await field(key).count()) === 0; step++) {
      await page.locator("section[data-key-path]").last().scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(100);
    }
    return field(key);
  };

  /**
   * The files of a folder of the saved copy, once `ready` says the save reached them (the CMS
   * writes after its "saved" notice may already be on screen from an earlier save).
   */
  async function savedFolder(
    folder: string,
    ready: (files: Record<string, string>) => boolean,
  ): Promise<Record<string, string>> {
    // Generous: under a loaded CI machine Sveltia has taken longer than 15 s to write a save.
    const deadline = Date.now() + 45_000;
    for (;;) {
      const files = (await page
        .evaluate(`(${READ_FOLDER})(${JSON.stringify(folder)})`)
        .catch(() => ({}))) as Record<string, string>;
      if (ready(files)) return files;
      assert.ok(Date.now() < deadline, `the editor did not save ${folder}`);
      await page.waitForTimeout(200);
    }
  }

  before(async () => {
    site = createFixtureSite({ seed: true });
    // A live blog still running: the editor offers a collection of its updates.
    writeLiveBlog(site, 2);
    writeProfile(site.root, "tan-hui-yee", "name: Tan Hui Yee\nrole: Indonesia Bureau Chief\n");
    writeProfile(site.root, "ali-hassan", "name: Ali Hassan\n");
    // A byline of a profile, a name without one and a different person's near name.
    site.article(
      BYLINES_SLUG,
      articleSource(
        {
          title: '"Rates held in Jakarta"',
          date: "2024-03-01T09:30:00+08:00",
          authors: "[tan-hui-yee, Jane Doe, {name: Tan Hui Yi}]",
          corrections:
            "\n  - date: 2024-03-02T09:30:00+08:00\n    text: An earlier version misspelt a name.",
        },
        "The central bank held rates on Friday.",
      ),
    );
    site.article(
      "budget-talks-stall",
      articleSource({
        title: `"${DRAFT_TITLE}"`,
        date: "2024-02-01T09:30:00+08:00",
        draft: "true",
      }),
    );
    cms = await startCms(site.root);
    browser = await launchBrowser(BROWSER ?? "");
    // The list shows times in the browser's zone: UTC here, whatever the machine's.
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: "UTC",
    });
    await context.route(
      (url) => !["localhost", "127.0.0.1"].includes(url.hostname),
      (route) => {
        foreign.push(route.request().url());
        return route.abort("blockedbyclient");
      },
    );
    await context.addInitScript(STUB_PICKER);
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    // The copy must be in this origin's storage before the editor asks for it.
    await page.goto(`${cms.url}config.yml`);
    await page.evaluate(`(${WRITE_FILES})(${JSON.stringify(projectFiles(site.root))})`);
  });

  after(async () => {
    await browser?.close();
    cms?.child.kill();
    site?.remove();
  });

  it("loads from npm run cms with every other host blocked, and shows the editor", async () => {
    await page.goto(cms.url);
    // The sign-in screen is the newsroom's: its name and its logo, not the CMS's.
    await page.getByRole("heading", { name: "The Broadsheet Times: editor" }).waitFor();
    const logo = page.locator('img[src$="/admin/logo.svg"]').first();
    await logo.waitFor();
    assert.ok(
      await logo.evaluate((img) => (img as HTMLImageElement).naturalWidth > 0),
      "the site's logo is shown",
    );
    assert.equal(await page.title(), "The Broadsheet Times: editor");
    await page.getByRole("button", { name: "Work with Local Repository" }).click();
    await page.getByText(SEED_TITLE).first().waitFor();
    assert.deepEqual(foreign, [], "the editor asked another host");
    assert.deepEqual(problems, [], "the console reported errors (a refused resource is one)");
  });

  /**
   * Opens the article titled `title` from the articles list. The list can be mid-transition when
   * it is asked for (the editor closing after a save): the title is then found but hidden, as CI
   * saw. So the list is asked for again, up to three times, before this gives up.
   */
  async function openFromList(title: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await page.goto(`${cms.url}#/collections/articles`);
      try {
        // The list's title, not a hidden copy of it (Sveltia keeps one in markup it does not show).
        await page.getByText(title).filter({ visible: true }).first().click({ timeout: 10_000 });
        await field("title").locator("input").waitFor({ timeout: 10_000 });
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await page.waitForTimeout(500);
      }
    }
  }

  /**
   * Turns the list's "Drafts" filter on or off and waits until its menu item says so. A click
   * that lands while a menu is still closing (the Sort menu just before, on a busy machine) is
   * lost: CI saw the list stay unfiltered. So the menu is opened again and the item's own
   * aria-checked is read until it is as asked.
   */
  async function draftsFilter(on: boolean): Promise<void> {
    const item = page.getByRole("menuitemcheckbox", { name: "Drafts", exact: true });
    for (let attempt = 0; attempt < 5; attempt++) {
      if (!(await item.isVisible())) await page.getByRole("button", { name: "Filter" }).click();
      await item.waitFor();
      if ((await item.getAttribute("aria-checked")) === String(on)) break;
      await item.click();
      await page.waitForTimeout(250);
    }
    assert.equal(await item.getAttribute("aria-checked"), String(on), "the Drafts filter");
    await page.keyboard.press("Escape");
  }

  it("lists articles newest first with section, date and draft state, sorted and filtered by them", async () => {
    const rows = page
      .locator('[role="row"], [role="listitem"], li')
      .filter({ hasText: " · Asia · " });
    await rows.first().waitFor();
    const texts = (await rows.allTextContents()).map((text) => text.replace(/\s+/g, " ").trim());
    const at = (title: string) => texts.findIndex((text) => text.includes(title));
    // The list shows times in the editor's own zone (the context's: UTC).
    assert.match(
      texts[at("Rates held in Jakarta")] ?? "",
      /Rates held in Jakarta · Asia · 1 Mar 2024, 01:30/,
    );
    assert.match(
      texts[at(DRAFT_TITLE)] ?? "",
      new RegExp(`^Draft · ${DRAFT_TITLE} · Asia · 1 Feb 2024`),
    );
    assert.doesNotMatch(texts[at(SEED_TITLE)] ?? "", /Draft/);
    assert.ok(
      at("Rates held in Jakarta") < at(DRAFT_TITLE) && at(DRAFT_TITLE) < at(SEED_TITLE),
      `newest first: ${texts.join(" | ")}`,
    );
    await page.getByRole("button", { name: "Sort" }).click();
    // The menu renders after the click: wait for it before counting its items.
    await page.getByRole("menuitemradio").first().waitFor();
    for (const label of ["Published", "Headline", "Section"]) {
      assert.ok(await page.getByRole("menuitemradio", { name: label }).count(), `sort by ${label}`);
    }
    await page.keyboard.press("Escape");
    await draftsFilter(true);
    // The list is filtered as the menu closes: wait for it (slower on a busy machine).
    for (let step = 0; step < 100 && (await rows.count()) !== 1; step++) {
      await page.waitForTimeout(100);
    }
    const drafts = (await rows.allTextContents()).map((text) => text.trim());
    assert.deepEqual(
      drafts.map((text) => text.startsWith("Draft · ")),
      [true],
      drafts.join(" | "),
    );
    await draftsFilter(false);
    await rows.filter({ hasText: SEED_TITLE }).first().waitFor();
    assert.deepEqual(problems, []);
  });

  it("previews the article as readers will see it: the site's layout and stylesheet, following the form", async () => {
    await openFromList("Rates held in Jakarta");
    const preview = page.frameLocator("iframe").first();
    const headline = preview.locator("article.story h1");
    await headline.waitFor();
    assert.equal(await headline.textContent(), "Rates held in Jakarta");
    // The site's masthead, breadcrumbs and byline, styled by the site's own stylesheet.
    assert.equal(await preview.locator(".breadcrumbs a").last().textContent(), "Asia");
    assert.equal(
      (await preview.locator(".byline").textContent())?.replace(/\s+/g, " ").trim(),
      "By Tan Hui Yee (Indonesia Bureau Chief), Jane Doe and Tan Hui Yi",
    );
    assert.match(
      await headline.evaluate((element) => getComputedStyle(element).fontFamily),
      /serif/i,
      "the site's type, not the editor's",
    );
    assert.match(
      (await preview
        .locator(".corrections-list, .corrections, #corrections")
        .first()
        .textContent()) ?? "",
      /misspelt a name/,
    );
    // It follows the form, keystroke by keystroke.
    await field("title").locator("input").fill("Rates held in Jakarta again");
    await preview.getByRole("heading", { level: 1, name: "Rates held in Jakarta again" }).waitFor();
    assert.deepEqual(problems, []);
  });

  it("chooses authors from the profiles, keeps names without one as written, and says 1 Correction", async () => {
    const authors = field("authors");
    await authors.scrollIntoViewIfNeeded();
    for (const name of ["Ali Hassan", "Tan Hui Yee"])
      await authors.getByText(name).first().waitFor();
    assert.equal(await authors.getByRole("checkbox", { name: "Tan Hui Yee" }).isChecked(), true);
    await field("corrections").getByText("1 Correction", { exact: true }).waitFor();
    assert.equal(await page.getByText("1 Corrections").count(), 0);
    await authors.getByText("Ali Hassan").first().click();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const text = (files: Record<string, string>) =>
      Buffer.from(files["index.md"] ?? "", "base64").toString("utf8");
    const saved = text(
      await savedFolder(`content/articles/${BYLINES_SLUG}`, (files) =>
        text(files).includes("ali-hassan"),
      ),
    );
    assert.match(
      saved,
      /authors:\n {2}- tan-hui-yee\n {2}- Jane Doe\n {2}- name: Tan Hui Yi\n {2}- ali-hassan\n/,
    );
    assert.match(saved, /^title: Rates held in Jakarta again$/m);
    assert.deepEqual(problems, []);
  });

  it("saves the seed unchanged without damage: the same fields and the same body", async () => {
    await openFromList(SEED_TITLE);
    const folder = path.join(site.root, "content/articles", SEED_SLUG);
    const before = readFileSync(path.join(folder, "index.md"), "utf8");
    const text = (files: Record<string, string>) =>
      Buffer.from(files["index.md"] ?? "", "base64").toString("utf8");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    // Saved: a whole file that is no longer byte for byte what it was (the CMS reformats it).
    const saved = text(
      await savedFolder(`content/articles/${SEED_SLUG}`, (files) => {
        const written = text(files);
        return written !== before && written.startsWith("---\n") && written.includes("Hanoi.");
      }),
    );
    const siteConfig = loadSite(contentOptionsFromEnv({}, site.root));
    assert.ok(siteConfig.ok);
    const original = loadArticle(folder, "index.md", siteConfig.value);
    writeFileSync(path.join(folder, "index.md"), saved);
    const roundTripped = loadArticle(folder, "index.md", siteConfig.value);
    writeFileSync(path.join(folder, "index.md"), before);
    assert.ok(original.ok && roundTripped.ok, JSON.stringify(roundTripped));
    assert.deepEqual(meaning(roundTripped.value), meaning(original.value));
    // What the CMS rewrites (docs/output.md, "The editors' web UI"): formatting only.
    assert.match(saved, /^ {2}id: '1234567890001'$/m, "the video id stays quoted text");
    assert.match(
      saved,
      /^date: 2019-06-23T11:05:00\+08:00$/m,
      "an untouched date is kept as written",
    );
    assert.deepEqual(problems, []);
  });

  it("creates an article with a photo, alt text, section and date, which the build publishes", async () => {
    await page.goto(`${cms.url}#/collections/articles/new`);
    await field("title").locator("input").fill("Floodwaters rise in Jakarta");
    await field("date").locator("input[type=datetime-local]").fill("2024-03-01T09:30");
    await field("section").getByRole("combobox").click();
    await page.getByRole("option", { name: "Asia" }).click();
    await field("image").getByRole("checkbox").click();
    const photo = readFileSync(path.join(site.root, "content/articles", SEED_SLUG, "photo.jpg"));
    await field("image.src").locator("input[type=file]").first().setInputFiles({
      name: "flood.jpg",
      mimeType: "image/jpeg",
      buffer: photo,
    });
    await field("image.src").getByText("flood.jpg").first().waitFor();
    await field("image.alt").locator("input").fill("Rescue workers wade through waist-deep water.");
    await (await reveal("body")).getByRole("textbox").click();
    await page.keyboard.type("Floodwaters rose across Jakarta on Friday.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Thousands were moved to shelters.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const files = await savedFolder(
      `content/articles/${NEW_SLUG}`,
      (found) =>
        Buffer.from(found["index.md"] ?? "", "base64").includes("shelters.") &&
        Buffer.from(found["flood.jpg"] ?? "", "base64").equals(photo),
    );
    assert.deepEqual(Object.keys(files).sort(), ["flood.jpg", "index.md"], "photo beside index.md");
    const folder = path.join(site.root, "content/articles", NEW_SLUG);
    mkdirSync(folder, { recursive: true });
    for (const [name, base64] of Object.entries(files)) {
      writeFileSync(path.join(folder, name), Buffer.from(base64, "base64"));
    }
    const source = readFileSync(path.join(folder, "index.md"), "utf8");
    assert.match(source, /^date: 2024-03-01T09:30:00\+08:00$/m, "the site's own offset");
    assert.doesNotMatch(source, /: (?:''|""|null|\[\])$/m, "empty optional fields are left out");

    const run = runBuild(site.root);
    assert.equal(run.status, 0, `the build failed:\n${run.stderr}${run.stdout}`);
    const html = readFileSync(path.join(site.root, `_site/asia/${NEW_SLUG}/index.html`), "utf8");
    const $ = load(html);
    assert.equal($("h1").text(), "Floodwaters rise in Jakarta");
    assert.equal(
      $(".story img:not(.media-placeholder)").first().attr("alt"),
      "Rescue workers wade through waist-deep water.",
    );
    assert.equal($("time").first().attr("datetime"), "2024-03-01T09:30:00+08:00");
    assert.match($(".story-body").text(), /Thousands were moved to shelters\./);
    assert.deepEqual(foreign, []);
    assert.deepEqual(problems, []);
  });

  it("adds an update to a live blog as a new file in live/, timed now in the site's zone, which the build publishes", async () => {
    const started = Date.now();
    await page.goto(`${cms.url}#/collections/live-${LIVE_SLUG}/new`);
    const time = field("time").locator("input[type=datetime-local]");
    await time.waitFor();
    assert.notEqual(await time.inputValue(), "", "the time is filled in with now");
    await field("title").locator("input").fill("Aftershock felt in Davao");
    await (await reveal("body")).getByRole("textbox").click();
    await page.keyboard.type("A strong aftershock shook Davao City a few minutes ago.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const known = new Set([`${updateName(1)}.md`, `${updateName(2)}.md`]);
    const folder = `content/articles/${LIVE_SLUG}/live`;
    const files = await savedFolder(folder, (found) =>
      Object.entries(found).some(
        ([name, base64]) =>
          !known.has(name) && Buffer.from(base64, "base64").includes("aftershock shook"),
      ),
    );
    const [name, base64] = Object.entries(files).find(([file]) => !known.has(file)) ?? [];
    assert.ok(name && base64);
    assert.match(name, /^[a-z0-9-]+\.md$/, "a valid id");
    const source = Buffer.from(base64, "base64").toString("utf8");
    const written = /^time: (\S+)$/m.exec(source)?.[1] ?? "";
    assert.match(written, /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?\+08:00$/, "the site's offset");
    const when = Date.parse(written);
    assert.ok(when >= started - 120_000 && when <= Date.now() + 60_000, `${written} is now`);
    writeFileSync(path.join(site.root, folder, name), source);

    // Built at the real now: the update is not in the future.
    const run = runBuild(site.root, { BROADSHEET_NOW: undefined });
    assert.equal(run.status, 0, `the build failed:\n${run.stderr}${run.stdout}`);
    const $ = load(readFileSync(path.join(site.root, `_site${LIVE_PATH}index.html`), "utf8"));
    const update = $(`#update-${name.replace(/\.md$/, "")}`);
    assert.equal(update.find(".live-update-title").text(), "Aftershock felt in Davao");
    assert.match(update.text(), /aftershock shook Davao City/);
    assert.deepEqual(foreign, []);
    assert.deepEqual(problems, []);
  });

  it("edits the front page: the banner, and a container whose story is chosen by headline, saved as its slug, which the build shows", async () => {
    await page.goto(`${cms.url}#/collections/fronts/entries/home`);
    // The banner: an optional group, switched on, then its text.
    await field("breaking").getByRole("checkbox").first().click();
    await field("breaking.text")
      .locator("input")
      .fill("Magnitude 6.4 earthquake strikes southern Philippines");
    const containers = await reveal("containers");
    await containers.getByRole("button", { name: /Add/ }).first().click();
    await field("containers.0.title").locator("input").fill("Top stories");
    // Sveltia shows a choice of five or fewer as buttons, more as a list to search.
    await field("containers.0.layout").getByRole("radio", { name: "lead" }).click();
    // Two articles so far: their headlines are boxes to tick (with more, a list searched by headline).
    await field("containers.0.stories").getByRole("checkbox", { name: SEED_TITLE }).click();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const saved = await savedFolder("content/fronts", (files) =>
      Buffer.from(files["home.yaml"] ?? "", "base64").includes(SEED_SLUG),
    );
    const yaml = Buffer.from(saved["home.yaml"] ?? "", "base64").toString("utf8");
    mkdirSync(path.join(site.root, "content/fronts"), { recursive: true });
    writeFileSync(path.join(site.root, "content/fronts/home.yaml"), yaml);
    assert.match(yaml, new RegExp(`- ${SEED_SLUG}`));
    assert.match(yaml, /layout: lead/);
    assert.match(
      yaml,
      /^breaking:\n {2}text: Magnitude 6\.4 earthquake strikes southern Philippines$/m,
    );
    const run = runBuild(site.root);
    assert.equal(run.status, 0, `the build failed:\n${run.stderr}${run.stdout}\n${yaml}`);
    const $ = load(readFileSync(path.join(site.root, "_site/index.html"), "utf8"));
    assert.equal($(".front-container-title").first().text(), "Top stories");
    assert.equal(
      $("section.breaking .breaking-text").text(),
      "Magnitude 6.4 earthquake strikes southern Philippines",
    );
    assert.equal($(".front-story-lead h3 a").attr("href"), `/asia/${SEED_SLUG}/`);
    assert.deepEqual(foreign, []);
    assert.deepEqual(problems, []);
  });

  it("the built /admin/ shows the editor under the policy _headers gives it", async () => {
    // Built by the test before; the build's /admin/ is the one hosts serve.
    const headers = readFileSync(path.join(site.root, "_site/_headers"), "utf8");
    const block = headers.slice(headers.indexOf("/admin/*"));
    const policy = /Content-Security-Policy: (.+)/
      .exec(block)?.[1]
      ?.replace(/; upgrade-insecure-requests/, "");
    assert.ok(policy, "_headers should have a policy for /admin/*");
    let server: StaticServer | undefined;
    const admin = await context.newPage();
    const refused: string[] = [];
    admin.on("console", (message) => {
      if (message.type() === "error") refused.push(message.text());
    });
    try {
      server = await serveStatic(path.join(site.root, "_site"));
      await admin.route(`${server.origin}/admin/`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), "content-security-policy": policy },
        });
      });
      await admin.goto(`${server.origin}/admin/`);
      await admin.getByRole("button", { name: /Sign In with/ }).waitFor();
      assert.deepEqual(refused, []);
      assert.deepEqual(foreign, []);
    } finally {
      await admin.close();
      await server?.close();
    }
  });
});
