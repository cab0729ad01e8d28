/**
 * `npm run audit`: Lighthouse 12 on the built site, as a phone on a slow network sees it (the
 * default configuration: an emulated Moto G Power, simulated slow 4G and a 4x slower CPU).
 *
 * Builds nothing: run `npm run build` first. Serves `_site/` the way a static host does
 * (compressed, with the `_headers` the build writes), audits the seed article and the home page
 * (or the site paths given as arguments), prints the four category scores with LCP, CLS and
 * TBT and what costs points, and writes each HTML and JSON report to `audit-results/`.
 * With `--demo`, builds the demonstration site of `npm run shots` (a front file with a banner, a
 * live blog of 100 updates) and audits its seed article, front page and live blog instead.
 *
 *   npm run build && npm run audit
 *   npm run audit -- /asia/ /search/
 *   npm run audit -- --demo
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import lighthouse, { type Result } from "lighthouse";
import { startChromium } from "./audit/chromium.ts";
import { serveSite } from "./audit/server.ts";
import { browserPath, MISSING_BROWSER } from "./browser.ts";
import { buildDemo } from "./shots/build-demo.ts";
import { DEMO_PAGES } from "./shots/demo-site.ts";

const ROOT = process.cwd();
const REPO = path.resolve(import.meta.dirname, "../..");
let SITE_DIR = path.join(ROOT, "_site");
const RESULTS_DIR = path.join(ROOT, "audit-results");
const SEED_PATH = "/asia/north-koreas-kim-jong-un-receives-personal-letter-from-trump-kcna-says/";
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

interface Target {
  /** For the report's file name. */
  readonly name: string;
  readonly path: string;
}

function targets(args: readonly string[]): Target[] {
  if (args.length === 0)
    return [
      { name: "article", path: SEED_PATH },
      { name: "home", path: "/" },
    ];
  return args.map((arg) => {
    const sitePath = arg.startsWith("/") ? arg : `/${arg}`;
    const name = sitePath.replace(/^\/+|\/+$/g, "").replace(/[^a-z0-9]+/gi, "-") || "home";
    return { name, path: sitePath };
  });
}

/** The file a site path is served from, if it exists. */
function builtFile(sitePath: string): string | undefined {
  const file = path.join(SITE_DIR, sitePath);
  const candidates = sitePath.endsWith("/") ? [path.join(file, "index.html")] : [file];
  return candidates.find((candidate) => existsSync(candidate));
}

function score(lhr: Result, category: (typeof CATEGORIES)[number]): string {
  const value = lhr.categories[category]?.score;
  return value === null || value === undefined ? "-" : String(Math.round(value * 100));
}

function metric(lhr: Result, id: string): string {
  return lhr.audits[id]?.displayValue ?? "-";
}

/** The audits that cost points in a category, worst first. */
function losses(lhr: Result): string[] {
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    const refs = lhr.categories[category]?.auditRefs ?? [];
    for (const ref of refs) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      if (audit.scoreDisplayMode === "notApplicable" || audit.scoreDisplayMode === "manual")
        continue;
      const shown = audit.displayValue ? ` (${audit.displayValue})` : "";
      lines.push(
        `  ${category}: ${audit.id} scored ${Math.round(audit.score * 100)}${shown} - ${audit.title}`,
      );
    }
  }
  return lines;
}

/** The demonstration site's pages Lighthouse must score 100 on: an article, a front, a live blog. */
const DEMO_TARGETS: readonly Target[] = [
  { name: "demo-article", path: DEMO_PAGES.article },
  { name: "demo-front", path: DEMO_PAGES.front },
  { name: "demo-live-blog", path: DEMO_PAGES.live },
];

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const demo = args.includes("--demo") ? await buildDemo(REPO) : undefined;
  try {
    if (demo) SITE_DIR = demo.siteDir;
    return await audit(demo ? DEMO_TARGETS : targets(args));
  } finally {
    if (demo) rmSync(demo.root, { recursive: true, force: true });
  }
}

async function audit(list: readonly Target[]): Promise<number> {
  if (!existsSync(path.join(SITE_DIR, "index.html"))) {
    console.error(
      `No built site in ${SITE_DIR}. Run \`npm run build\` first, then \`npm run audit\`.`,
    );
    return 1;
  }
  const missing = list.filter((target) => !builtFile(target.path));
  if (missing.length > 0) {
    console.error(
      `Not in _site/: ${missing.map((target) => target.path).join(", ")}. ` +
        "Run `npm run build`, or name pages that exist.",
    );
    return 1;
  }
  const executable = browserPath();
  if (!executable) {
    console.error(MISSING_BROWSER);
    return 1;
  }

  mkdirSync(RESULTS_DIR, { recursive: true });
  const server = await serveSite(SITE_DIR);
  const chromium = await startChromium(executable);
  const rows: string[][] = [];
  let failed = false;
  try {
    for (const target of list) {
      const url = server.origin + target.path;
      console.log(`Lighthouse (mobile, simulated slow 4G): ${target.path}`);
      const result = await lighthouse(url, {
        port: chromium.port,
        output: ["html", "json"],
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
      });
      if (!result) {
        console.error(`  Lighthouse returned nothing for ${target.path}.`);
        failed = true;
        continue;
      }
      const { lhr } = result;
      if (lhr.runtimeError) {
        console.error(`  ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        failed = true;
      }
      const [html, json] = Array.isArray(result.report) ? result.report : [result.report];
      const base = path.join(RESULTS_DIR, target.name);
      if (html) writeFileSync(`${base}.report.html`, html);
      if (json) writeFileSync(`${base}.report.json`, json);
      rows.push([
        target.name,
        ...CATEGORIES.map((category) => score(lhr, category)),
        metric(lhr, "largest-contentful-paint"),
        metric(lhr, "cumulative-layout-shift"),
        metric(lhr, "total-blocking-time"),
      ]);
      const errored = Object.values(lhr.audits).filter(
        (audit) => audit.scoreDisplayMode === "error",
      );
      if (errored.length > 0)
        console.log(
          `  audits that could not run (no score depends on them): ${errored.map((audit) => audit.id).join(", ")}\n` +
            `    ${errored[0]?.errorMessage ?? ""}`,
        );
      const lost = losses(lhr);
      console.log(
        lost.length > 0 ? `  what costs points:\n${lost.join("\n")}` : "  nothing costs points",
      );
      for (const warning of lhr.runWarnings) console.log(`  warning: ${warning}`);
    }
  } finally {
    await chromium.close();
    await server.close();
  }

  const header = ["page", "perf", "a11y", "best-pr", "seo", "LCP", "CLS", "TBT"];
  const table = [header, ...rows];
  const widths = header.map((_, column) =>
    Math.max(...table.map((row) => (row[column] ?? "").length)),
  );
  console.log("");
  for (const row of table)
    console.log(row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  "));
  console.log(`\nReports: ${path.relative(ROOT, RESULTS_DIR)}/<page>.report.html and .json`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
