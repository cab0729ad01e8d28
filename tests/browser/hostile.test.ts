/**
 * Hostile copy in a real browser: an article whose every field and body is an attack loads
 * with nothing run (no dialog, no marker set, no console error, no request to another host),
 * with the production CSP and, to prove the markup itself is inert, without it.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { browserPath, launchBrowser, MISSING_BROWSER } from "../../scripts/cli/browser.ts";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import { type StaticServer, serveStatic } from "../helpers/static-server.ts";
import { contentSecurityPolicy, DESKTOP, foreignRequests, openPage } from "./harness.ts";

const BROWSER = browserPath();
const SKIP = BROWSER ? false : MISSING_BROWSER;

/** Each attack tries to call alert() and to set window.__pwned. */
const ATTACK = `<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=2;alert(2)"><iframe src="https://evil.example/"></iframe></script><!--`;

const BODY = [
  ATTACK,
  "<img src=x onerror=alert(3)>",
  "<svg onload=alert(4)>",
  "[js](javascript:alert(5)) [JS](JaVaScRiPt:alert(6)) [tab](java\tscript:alert(7)) [vb](vbscript:msgbox(8))",
  "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg==) <javascript:alert(10)>",
  "{{ constructor.constructor('alert(11)')() }} {% raw %}x{% endraw %}",
  "[ok](https://example.org/)",
].join("\n\n");

describe("hostile content in a real browser", { skip: SKIP, timeout: 120_000 }, () => {
  let site: FixtureSite;
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    site = createFixtureSite();
    const quoted = JSON.stringify(ATTACK);
    site.article(
      "hostile",
      articleSource(
        {
          title: quoted,
          description: quoted,
          dateline: quoted,
          tags: `[${quoted}]`,
          sources: `[${quoted}]`,
        },
        BODY,
      ),
    );
    site.article(
      "neighbour",
      articleSource({ title: '"A neighbouring story"', tags: `[${quoted}]` }),
    );
    const run = runBuild(site.root);
    assert.equal(run.status, 0, run.stderr);
    server = await serveStatic(path.join(site.root, "_site"));
    browser = await launchBrowser(BROWSER as string);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    site?.remove();
  });

  for (const withCsp of [true, false]) {
    for (const page of ["/asia/hostile/", "/", "/asia/", "/asia/neighbour/"]) {
      it(`runs nothing on ${page} ${withCsp ? "under the site's CSP" : "even without a CSP"}`, async () => {
        const url = `${server.origin}${page}`;
        const dialogs: string[] = [];
        const opened = await openPage(browser, url, DESKTOP, {
          csp: withCsp ? contentSecurityPolicy(path.join(site.root, "_site")) : undefined,
          prepare: async (tab) => {
            tab.on("dialog", (dialog) => {
              dialogs.push(dialog.message());
              void dialog.dismiss();
            });
          },
        });
        try {
          const pwned = await opened.page.evaluate(
            () => (window as unknown as { __pwned?: number }).__pwned,
          );
          assert.equal(pwned, undefined, "a script of the editor's ran");
          assert.deepEqual(dialogs, []);
          assert.deepEqual(opened.consoleErrors, []);
          assert.deepEqual(foreignRequests(opened.requests, server.origin), []);
          const dangerous = await opened.page.$$eval(
            "a[href], iframe, [onerror], [onload]",
            (elements) =>
              elements
                .filter(
                  (element) =>
                    element.tagName === "IFRAME" ||
                    element.hasAttribute("onerror") ||
                    element.hasAttribute("onload") ||
                    /^\s*(javascript|vbscript|data):/i.test(element.getAttribute("href") ?? ""),
                )
                .map((element) => element.outerHTML),
          );
          assert.deepEqual(dangerous, []);
        } finally {
          await opened.close();
        }
      });
    }
  }

  it("shows the attack as the characters the editor typed", async () => {
    const opened = await openPage(browser, `${server.origin}/asia/hostile/`, DESKTOP);
    try {
      // Curly quotes are the typographer's (the headline's curled for display, docs/output.md);
      // the characters are otherwise as typed, shown as text.
      const straight = (text: string) => text.replace(/[“”″]/g, '"').replace(/[‘’′]/g, "'");
      assert.equal(straight((await opened.page.textContent("h1")) ?? ""), ATTACK);
      const body = ((await opened.page.textContent(".story-body")) ?? "").replace(/[‘’]/g, "'");
      assert.ok(body.includes("<img src=x onerror=alert(3)>"));
      assert.ok(body.includes("{{ constructor.constructor('alert(11)')() }}"));
    } finally {
      await opened.close();
    }
  });
});
