/**
 * The dev-server edit latency: `npm start`'s command (`scripts/serve.ts`) run on a synthetic
 * site, one article's headline edited, and the time until a browser would show it: the server's
 * reload message arrives on the live-reload WebSocket, and the page fetched after it carries the
 * new headline.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { ArchiveEntry } from "./archive.ts";
import { type BenchPaths, broadsheetEnv } from "./builds.ts";
import type { CodeCopy } from "./code-copy.ts";
import { listenForReloads, type ReloadListener } from "./reload-listener.ts";
import { retitleArticle } from "./site.ts";

/** A free TCP port on this machine, from the kernel. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/** One edit's figures, in ms from the moment the file was saved. */
export interface EditLatency {
  /** Until the reload message reached the WebSocket (a browser starts reloading then). */
  readonly reloadMs: number;
  /** Until the page fetched after that message had arrived with the new headline: the latency. */
  readonly pageMs: number;
}

/** What the measurement found. */
export interface DevServerResult {
  /** From start to the first page being served. */
  readonly startMs: number;
  readonly edits: readonly EditLatency[];
}

/** Polls `url` until its body contains `text`; the time it took, or a timeout error. */
async function waitForText(
  url: string,
  text: string,
  since: number,
  timeoutMs: number,
  gone: () => boolean = () => false,
) {
  // Stops when the server has gone, or the poll would keep this process alive for the timeout.
  while (performance.now() - since < timeoutMs && !gone()) {
    try {
      const response = await fetch(url, { headers: { "cache-control": "no-cache" } });
      if (response.ok && (await response.text()).includes(text)) return performance.now() - since;
    } catch {
      // Not listening yet.
    }
    await sleep(20);
  }
  throw new Error(`${url} did not show "${text}" within ${timeoutMs / 1000} s`);
}

/**
 * Waits for the first reload message after `since` whose refetched page shows `text`, as the
 * browser's reload would (a reload for some other change, before ours, does not count).
 */
async function waitForReload(
  listener: ReloadListener,
  url: string,
  text: string,
  since: number,
  timeoutMs: number,
): Promise<EditLatency> {
  let seen = 0;
  while (performance.now() - since < timeoutMs) {
    const reload = listener.messages
      .slice(seen)
      .find((message) => message.type === "eleventy.reload" && message.at > since);
    seen = listener.messages.length;
    if (reload) {
      const response = await fetch(url, { headers: { "cache-control": "no-cache" } });
      if ((await response.text()).includes(text)) {
        return { reloadMs: reload.at - since, pageMs: performance.now() - since };
      }
    }
    await sleep(5);
  }
  throw new Error(`no reload showing "${text}" within ${timeoutMs / 1000} s of the save`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const killed = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!killed) {
    child.kill("SIGKILL");
    await exited;
  }
}

/** A running dev server. */
interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything it printed so far. */
  log(): string;
}

/** Starts `npm start`'s script of `code` in the project at `root`, on a free port. */
async function startServer(
  paths: BenchPaths,
  code: CodeCopy,
  root: string,
  cacheDir: string,
): Promise<Server> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", paths.tsx, code.serve, "--port", String(port)],
    { cwd: root, env: { ...process.env, ...broadsheetEnv(code, cacheDir) }, stdio: "pipe" },
  );
  let log = "";
  const onOutput = (chunk: string) => {
    log += chunk;
  };
  child.stdout?.setEncoding("utf8").on("data", onOutput);
  child.stderr?.setEncoding("utf8").on("data", onOutput);
  return { child, port, log: () => log };
}

/** Builds (and failed builds) the server has finished: it prints one line for each. */
function builds(server: Server): number {
  return server.log().match(/^(?:Built |Build failed)/gm)?.length ?? 0;
}

/**
 * Waits until the server has finished `count` builds (after a save: the pages, then the search
 * index) and printed nothing for half a second.
 */
async function waitForIdle(server: Server, count: number, timeoutMs = 10 * 60_000) {
  const started = performance.now();
  let last = server.log().length;
  let quietSince = performance.now();
  while (performance.now() - started < timeoutMs) {
    const length = server.log().length;
    if (length !== last) {
      last = length;
      quietSince = performance.now();
    }
    if (builds(server) >= count && performance.now() - quietSince >= 500) return;
    await sleep(50);
  }
  throw new Error(`the dev server did not finish rebuilding within ${timeoutMs / 1000} s`);
}

/** The dev server prints this for every change it sees, before rebuilding. */
const FILE_CHANGED = "File changed:";

/**
 * How long a save may go unnoticed before we conclude the watcher does not see the folder:
 * chokidar reports a change within tens of milliseconds; this allows for a loaded machine.
 */
const NOTICE_TIMEOUT_MS = 2500;

/**
 * Starts the dev server on the project at `root` (its own working folder: it reads content from
 * there), waits for its first build to be served, then makes `edits` headline edits one after
 * another, each once the previous rebuild settled.
 *
 * @throws when the watcher does not notice the first save within 2.5 s, rather than waiting out
 * a rebuild that will never come.
 */
export async function measureDevServer(
  paths: BenchPaths,
  code: CodeCopy,
  root: string,
  article: ArchiveEntry,
  cacheDir: string,
  edits = 3,
): Promise<DevServerResult> {
  const started = performance.now();
  const server = await startServer(paths, code, root, cacheDir);
  const url = `http://127.0.0.1:${server.port}/${article.section}/${article.slug}/`;
  let listener: ReloadListener | undefined;
  try {
    const startMs = await Promise.race([
      waitForText(url, article.title, started, 60 * 60_000, () => server.child.exitCode !== null),
      new Promise<never>((_, reject) =>
        server.child.once("exit", (code) =>
          reject(
            new Error(
              `the dev server exited (${code}) before serving:\n${server.log().slice(-2000)}`,
            ),
          ),
        ),
      ),
    ]);
    listener = await listenForReloads(server.port);
    const results: EditLatency[] = [];
    let buildsBefore = builds(server);
    for (let edit = 1; edit <= edits; edit += 1) {
      // Each save is made on an idle server: a save during a rebuild (the search index catching
      // up after the last publish) waits behind it, which is a different measurement.
      await waitForIdle(server, buildsBefore + (edit === 1 ? 0 : 2));
      const title = `Edited headline ${edit} ${article.title}`;
      buildsBefore = builds(server);
      const noticedBefore = server.log().split(FILE_CHANGED).length;
      const saved = performance.now();
      retitleArticle(root, article.slug, title);
      if (edit === 1) {
        while (
          server.log().split(FILE_CHANGED).length === noticedBefore &&
          performance.now() - saved < NOTICE_TIMEOUT_MS
        ) {
          await sleep(20);
        }
        if (server.log().split(FILE_CHANGED).length === noticedBefore) {
          throw new Error(
            `the dev server's watcher did not notice an edit to ${article.slug}/index.md within ` +
              `${NOTICE_TIMEOUT_MS / 1000} s:\n${server.log().slice(-1000)}`,
          );
        }
      }
      results.push(await waitForReload(listener, url, title, saved, 120_000));
    }
    return { startMs, edits: results };
  } finally {
    // Leave the article as generated, for any later measurement on the same folder.
    retitleArticle(root, article.slug, article.title);
    listener?.close();
    await stop(server.child);
  }
}
