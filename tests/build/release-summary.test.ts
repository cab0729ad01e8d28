/**
 * What `npm run build` tells an editor about stories it did not publish: the summary line first,
 * then the drafts and the embargoed stories by name, each embargo with its release time in the
 * site's zone (Asia/Singapore here), a bounded list, a warning for an embargo so far ahead its
 * year is more likely a typo; the machine-readable report a scheduled deploy reads; and the
 * time the editor waited, counted from the process's start.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { farFutureWarnings, heldLines } from "../../scripts/engine/held-report.ts";
import { runBuild } from "../helpers/build.ts";
import { articleSource, createFixtureSite, type FixtureSite } from "../helpers/fixture-site.ts";
import { LIVE_SLUG, updateSource, writeLiveBlog, writeUpdate } from "../helpers/live-blog.ts";

const fixtures: FixtureSite[] = [];
const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-report-"));
after(() => {
  for (const site of fixtures) site.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** The build's "now" (runBuild's default): 1 January 2026, midnight in Singapore. */
function newsroom(): FixtureSite {
  const site = createFixtureSite();
  fixtures.push(site);
  site.article("published-story", articleSource({ title: "Published story" }));
  site.article("budget-draft", articleSource({ title: "Budget draft", draft: "true" }));
  // Released at 09:00 Singapore time on 2 January: written in UTC, shown in the site's zone.
  site.article(
    "rates-decision",
    articleSource({ title: "Rates decision", date: "2026-01-02T01:00:00Z" }),
  );
  // 2027 typed for 2026: a year away.
  site.article(
    "election-results",
    articleSource({ title: "Election results", date: "2027-01-05T18:00:00+08:00" }),
  );
  return site;
}

describe("the build's summary of what it held back", () => {
  const site = newsroom();
  const report = path.join(scratch, "first.env");
  const run = runBuild(site.root, { BROADSHEET_REPORT: report });

  it("keeps the summary line first, then names each draft and embargo", () => {
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split("\n");
    assert.match(lines[0] ?? "", /^Built 1 article .* held back: 1 draft, 2 embargoed/);
    assert.match(run.stdout, /Drafts \(published once draft: true is set to false or deleted\):/);
    assert.match(run.stdout, /content\/articles\/budget-draft\/index\.md "Budget draft"/);
    assert.match(run.stdout, /Embargoed \(released by the first build after .*Asia\/Singapore\)/);
    // Soonest first, each at its release time in Singapore.
    const rates = run.stdout.indexOf("2 Jan 2026, 09:00  content/articles/rates-decision/index.md");
    const election = run.stdout.indexOf(
      "5 Jan 2027, 18:00  content/articles/election-results/index.md",
    );
    assert.ok(rates > 0 && election > rates, run.stdout);
  });

  it("warns about the embargo more than 30 days ahead, naming the file and the date", () => {
    assert.match(
      run.stderr,
      /Warning: content\/articles\/election-results\/index\.md is embargoed until 5 Jan 2027, 18:00 \(Asia\/Singapore\), more than 30 days from now/,
    );
    assert.doesNotMatch(run.stderr, /rates-decision/, "a next-day embargo is no typo");
  });

  it("writes what changed and the next release to BROADSHEET_REPORT", () => {
    assert.deepEqual(readFileSync(report, "utf8").trim().split("\n"), [
      "changed=true",
      `changed_files=${/files: (\d+) written/.exec(run.stdout)?.[1]}`,
      "drafts=1",
      "embargoed=2",
      "next_release=2026-01-02T09:00:00.000+08:00",
    ]);
  });

  it("reports no change when nothing changed, and a change when an embargo lifts", () => {
    const again = path.join(scratch, "again.env");
    const second = runBuild(site.root, { BROADSHEET_REPORT: again });
    assert.equal(second.status, 0, second.stderr);
    assert.match(readFileSync(again, "utf8"), /^changed=false\nchanged_files=0\n/);
    const lifted = path.join(scratch, "lifted.env");
    const third = runBuild(site.root, {
      BROADSHEET_REPORT: lifted,
      BROADSHEET_NOW: "2026-01-02T09:05:00+08:00",
    });
    assert.equal(third.status, 0, third.stderr);
    assert.match(readFileSync(lifted, "utf8"), /^changed=true\n/);
    assert.match(third.stdout, /held back: 1 draft, 1 embargoed/);
    assert.doesNotMatch(third.stdout, /rates-decision/);
  });

  it("says the time from the process's start, and how much of it was starting up", () => {
    const match = / in (\d+\.\d) s \((\d+\.\d) s of it starting up\)/.exec(run.stdout);
    assert.ok(match, run.stdout);
    const [total, startup] = [Number(match[1]), Number(match[2])];
    // Node and TypeScript take a measurable while to start; the total includes it.
    assert.ok(startup > 0 && total >= startup, run.stdout);
  });

  it("removes a stale report when the build fails", () => {
    const broken = createFixtureSite();
    fixtures.push(broken);
    broken.article("broken", articleSource({ date: "yesterday" }));
    const stale = path.join(scratch, "stale.env");
    runBuild(site.root, { BROADSHEET_REPORT: stale });
    const failed = runBuild(broken.root, { BROADSHEET_REPORT: stale });
    assert.equal(failed.status, 1);
    assert.throws(() => readFileSync(stale), /ENOENT/);
  });
});

describe("live updates held back", () => {
  it("are named with the articles, counted in the summary and the report, and released on time", () => {
    const site = createFixtureSite();
    fixtures.push(site);
    writeLiveBlog(site, 2);
    writeUpdate(site, "rescue-plan", updateSource(3, { title: "Rescue plan", draft: true }));
    // Filed ahead for 10:00 on 1 January, after the build's now (midnight).
    writeUpdate(site, "briefing", updateSource(4, { time: "2026-01-01T10:00:00+08:00" }));
    const report = path.join(scratch, "live.env");
    const run = runBuild(site.root, { BROADSHEET_REPORT: report });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /held back: 1 draft, 1 embargoed/);
    assert.match(run.stdout, new RegExp(`${LIVE_SLUG}/live/rescue-plan\\.md "Rescue plan"`));
    assert.match(
      run.stdout,
      new RegExp(
        `1 Jan 2026, 10:00  content/articles/${LIVE_SLUG}/live/briefing\\.md "update to Strong earthquake`,
      ),
    );
    assert.match(
      readFileSync(report, "utf8"),
      /drafts=1\nembargoed=1\nnext_release=2026-01-01T10:00:00\.000\+08:00/,
    );
    const later = runBuild(site.root, { BROADSHEET_NOW: "2026-01-01T10:05:00+08:00" });
    assert.equal(later.status, 0, later.stderr);
    assert.match(later.stdout, /held back: 1 draft, 0 embargoed/);
    assert.doesNotMatch(later.stdout, /briefing\.md/);
  });
});

describe("the list of held stories", () => {
  it("names the first 10 of each kind and says how many more", () => {
    const drafts = Array.from({ length: 13 }, (_, n) => ({
      file: `content/articles/draft-${String(n).padStart(2, "0")}/index.md`,
      title: `Draft ${n}`,
      reason: "draft" as const,
      dateMs: 0,
    }));
    const lines = heldLines(drafts, "Asia/Singapore");
    assert.equal(lines.length, 1 + 10 + 1);
    assert.equal(lines.at(-1), "    and 3 more");
    assert.match(lines[1] ?? "", /draft-00/);
  });

  it("tells a live update filed a year ahead to check its time: line, an article its date: line", () => {
    const ahead = Date.parse("2027-01-01T10:00:00+08:00");
    const held = [
      {
        file: `content/articles/${LIVE_SLUG}/live/briefing.md`,
        title: "Briefing",
        reason: "embargoed" as const,
        dateMs: ahead,
        update: true as const,
      },
      {
        file: "content/articles/results/index.md",
        title: "Results",
        reason: "embargoed" as const,
        dateMs: ahead,
      },
    ];
    // Listed by file: the blog's folder sorts before results/.
    const [update, article] = farFutureWarnings(
      held,
      Date.parse("2026-01-01T00:00:00+08:00"),
      "Asia/Singapore",
    );
    assert.match(article ?? "", /results\/index\.md .* correct its date: line; if the story/);
    assert.match(update ?? "", /live\/briefing\.md .* correct its time: line; if the update/);
  });

  it("says nothing when nothing is held back", () => {
    assert.deepEqual(heldLines([], "Asia/Singapore"), []);
  });
});
