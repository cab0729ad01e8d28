/**
 * `npm start`: the dev server. It builds the site (drafts included) into `.cache/serve/` with
 * the same incremental build as `npm run build`, serves it with live reload (Eleventy's dev
 * server), and rebuilds on every save under content/ and assets/: the pages a change shows are
 * published and the browser reloaded first, then the search index catches up. A bad article
 * is reported in full, in the terminal and at the top of every page served (serve-problems.ts),
 * over the last good pages.
 *
 *   npm start                 # http://localhost:8080/
 *   npm start -- --port 3000
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import chokidar from "chokidar";
import { ContentError, type ContentIssue } from "./content/issues.ts";
import { loadSite } from "./content/load-site.ts";
import { contentOptionsFromEnv } from "./content/options.ts";
import { formatIssues } from "./content/report.ts";
import { buildSite } from "./engine/build-site.ts";
import type { BuildSummary } from "./engine/build-types.ts";
import { failureReport } from "./engine/failure.ts";
import { preloadRenderer } from "./engine/render-pages.ts";
import { summaryLine } from "./engine/summary.ts";
import { serveTarget } from "./engine/target.ts";
import { PROBLEMS_CSS, PROBLEMS_CSS_PATH, problemsBox, withProblemsBox } from "./serve-problems.ts";

/** Saves closer together than this are built as one change. */
const SETTLE_MS = 25;

/**
 * How long the search index waits after a publish. The server answers from this process, and
 * indexing keeps it busy for a while: the browser's reload, sent at the publish, is served first.
 */
const SEARCH_DELAY_MS = 750;

function portFrom(args: readonly string[]): number {
  const index = args.findIndex((arg) => arg === "--port" || arg.startsWith("--port="));
  const value = index === -1 ? process.env.PORT : (args[index]?.split("=")[1] ?? args[index + 1]);
  const port = Number.parseInt(value ?? "8080", 10);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`--port needs a port number, not "${value}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const port = portFrom(process.argv.slice(2));
  const env = process.env;
  const content = {
    ...contentOptionsFromEnv(env),
    // The dev server shows drafts unless told not to.
    includeDrafts:
      env.BROADSHEET_DRAFTS === undefined ? true : contentOptionsFromEnv(env).includeDrafts,
    // Previews make their images with sharp whatever images.cdn says: no image CDN answers on
    // localhost (Netlify's and Cloudflare's endpoints exist only on their hosts, and imgix
    // cannot fetch masters that are not deployed yet), so CDN URLs would show broken images.
    imageCdn: "none",
  };
  const target = serveTarget(content.root);
  const media = {
    cacheDir: env.BROADSHEET_CACHE_DIR ?? path.join(content.root, ".cache", "media"),
  };
  const color = process.stderr.isTTY === true && !env.NO_COLOR;

  // The last build's mistakes, shown on every page served until a build succeeds.
  let problems: readonly ContentIssue[] = [];
  // Set once the server is up: tells open pages which files changed.
  let reload: (files: readonly string[]) => void = () => {};
  const showProblems = (issues: readonly ContentIssue[]) => {
    const changed = JSON.stringify(issues) !== JSON.stringify(problems);
    problems = issues;
    if (changed) reload(["problems"]);
  };
  const build = async (skipSearch: boolean): Promise<BuildSummary | undefined> => {
    const started = performance.now();
    try {
      const summary = await buildSite({ content, target, media, skipSearch });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      console.log(summaryLine(summary, seconds, ".cache/serve/"));
      showProblems([]);
      return summary;
    } catch (error) {
      if (error instanceof ContentError) {
        console.error(`\n${formatIssues(error.issues, color)}\n`);
        showProblems(error.issues);
      } else console.error(failureReport(error, "", ".cache/serve/"));
      return undefined;
    }
  };

  // The watcher is ready before the first build, so a save made while it runs (or the moment
  // the server answers) is seen; it is built once the first build is done.
  let running = true;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const pages = await build(true);
        if (pages && pages.changed.length > 0) reload(pages.changed);
        if (again) continue;
        await new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY_MS));
        if (again) continue;
        const search = await build(false);
        if (search && search.changed.length > 0) reload(search.changed);
      } while (again);
    } finally {
      running = false;
    }
  };
  // chokidar rather than fs.watch: Node 20's recursive watch on Linux loses a folder's events
  // after an editor saves by writing a new file and renaming it over index.md (sed -i, vim).
  const watcher = chokidar.watch(["content", "assets"], {
    cwd: content.root,
    ignoreInitial: true,
    ignored: (file) => path.basename(file).startsWith("."),
  });
  watcher.on("all", (_event, file) => {
    console.log(`File changed: ${file.split(path.sep).join("/")}`);
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), SETTLE_MS);
  });
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  await build(false);
  const site = loadSite(content);
  const pathPrefix = site.ok ? site.value.pathPrefix : "/";
  const server = EleventyDevServer.getServer("broadsheet", target.outputDir, {
    port,
    pathPrefix,
    domDiff: false,
    // While the last save has mistakes, pages are served with them listed at the top.
    onRequest: {
      [PROBLEMS_CSS_PATH]: () => ({
        headers: { "content-type": "text/css; charset=utf-8" },
        body: PROBLEMS_CSS,
      }),
      "/*": ({ url }: { url: URL }) => {
        if (problems.length === 0 || !/(?:\/|\.html)$/.test(url.pathname)) return undefined;
        const inside = url.pathname.slice(pathPrefix.length - 1);
        const file = path.join(
          target.outputDir,
          inside.endsWith("/") ? `${inside}index.html` : inside,
        );
        const built = existsSync(file);
        const last = built
          ? readFileSync(file, "utf8")
          : "<!doctype html><title>Not built yet</title><body>";
        const box = problemsBox(problems, `${pathPrefix}${PROBLEMS_CSS_PATH.slice(1)}`, built);
        return {
          headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
          body: server.augmentContentWithNotifier(withProblemsBox(last, box)),
        };
      },
    },
    logger: { info: console.log, log: console.log, error: console.error },
    messageOnStart: ({ hosts }: { hosts: string[] }) =>
      `Broadsheet dev server at ${hosts.map((host) => `${host}${pathPrefix.slice(1)}`).join(" or ")} (drafts included; Ctrl-C stops it)`,
  });
  server.serve(port);
  reload = (files) => server.reload({ files: [...files] });

  running = false;
  if (again) void rebuild();
  // Eleventy loads on the first render: load it now, not when the first edit is waiting.
  await preloadRenderer();
  const stop = async () => {
    await watcher.close();
    await server.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
