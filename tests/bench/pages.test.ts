/**
 * The benchmark's standing-pages scenarios (`--pages`) edit a project the way an editor would:
 * the shipped pages copied in, one page's body edited, a page added to the footer. Each result
 * is a valid page, so the builds measure the change and not a failure.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import {
  addFooterPage,
  addShippedPages,
  EDITED_PAGE,
  editPageBody,
} from "../../scripts/bench/pages.ts";
import { loadPage, pageFolders } from "../../scripts/content/load-page.ts";
import { REPO_ROOT } from "../helpers/fixture-site.ts";

describe("the benchmark's standing pages", () => {
  it("starts from the shipped pages, edits one's body and adds a footer page, all valid", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "broadsheet-bench-pages-"));
    try {
      addShippedPages(root, REPO_ROOT);
      const load = (slug: string) => {
        const loaded = loadPage(
          path.join(root, "content/pages", slug),
          `content/pages/${slug}/index.md`,
        );
        if (!loaded.ok) assert.fail(JSON.stringify(loaded.issues));
        return loaded.value;
      };
      const before = load(EDITED_PAGE);
      editPageBody(root, 0);
      editPageBody(root, 1);
      const edited = load(EDITED_PAGE);
      assert.match(edited.bodyText, /run 2\./);
      assert.deepEqual(edited.card, { ...before.card, description: edited.card.description });
      addFooterPage(root, 0);
      const slugs = pageFolders(root).folders.map((folder) => folder.slug);
      assert.ok(slugs.includes("benchmark-policy-1"), slugs.join());
      const added = load("benchmark-policy-1");
      assert.equal(added.card.footer, true);
      assert.equal(added.card.order, 100);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
