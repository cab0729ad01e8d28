/**
 * The output check reads pages with a fast scanner of the HTML Broadsheet writes. It must see
 * exactly what a full HTML parser (htmlparser2) sees on every kind of page a build makes, and on
 * the hostile text an article can hold.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { Parser } from "htmlparser2";
import { listFiles, pageFacts } from "../../scripts/site/check-output.ts";
import type { ScanHandler } from "../../scripts/site/html-scan.ts";
import { decodeEntities } from "../../scripts/site/html-scan.ts";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite } from "../helpers/fixture-site.ts";

const site = createFixtureSite({ seed: true });

function withParser(html: string, handler: ScanHandler): void {
  const parser = new Parser(handler, { decodeEntities: true });
  parser.end(html);
}

before(() => {
  site.article(
    "hostile-story",
    articleSource(
      {
        title: '"<script>alert(1)</script> & \\"quotes\\" \'single\' </title>"',
        description: '"A <b>bold</b> claim & more"',
        tags: '["<img src=x onerror=alert(1)>", "R&D"]',
      },
      'Body with <style>p{}</style> and [a link](/asia/hostile-story/ "t&t") and &copy; &#x27; ``<code>``\n\n> quote </p>',
    ),
  );
  const run = runBuild(site.root);
  assert.equal(run.status, 0, run.stderr);
});

after(() => site.remove());

describe("the output check's HTML scanner", () => {
  it("reads every built page as htmlparser2 does", () => {
    const dir = path.join(site.root, "_site");
    const pages = listFiles(dir).filter(
      (file) => file.endsWith(".html") && !file.startsWith("admin/"),
    );
    assert.ok(pages.length > 20);
    for (const file of pages) {
      const html = readFileSync(path.join(dir, file), "utf8");
      assert.deepEqual(pageFacts(html), pageFacts(html, withParser), file);
    }
  });

  it("decodes the character references the renderer writes, and leaves others alone", () => {
    assert.equal(
      decodeEntities("a &amp; b &lt;c&gt; &quot;d&quot; &#x27;e&#39; &nbsp;"),
      "a & b <c> \"d\" 'e' \u00a0",
    );
    assert.equal(decodeEntities("&unknown; &#0; &amp"), "&unknown; &#0; &amp");
  });
});
