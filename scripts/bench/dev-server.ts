/**
 * The dev-server edit latency: `npm start`'s command run on a synthetic site, one article's
 * headline edited, and the time until a browser would show it: the server's reload message
 * arrives on the live-reload WebSocket, and the page fetched after it carries the new headline.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { type BenchPaths, broadsheetEnv } from "./builds.ts";
import type { BenchArticle } from "./generate.ts";
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
async function waitForText(url: string, text: string, since: number, timeoutMs: number) {
  while (performance.now() - since < timeoutMs) {
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
  readonly output: string;
  /** Everything it printed so far. */
  log(): string;
}

function startServer(paths: BenchPaths, root: string, config: string, cacheDir: string) {
  return freePort().then((port): Server => {
    const output = mkdtempSync(path.join(tmpdir(), "broadsheet-serve-"));
    const child = spawn(
      process.execPath,
      [
        "--import",
        paths.tsx,
        path.join(paths.repoRoot, "node_modules/@11ty/eleventy/cmd.cjs"),
        `--config=${config}`,
        `--output=${output}`,
        "--serve",
        `--port=${port}`,
      ],
      { cwd: root, env: { ...process.env, ...broadsheetEnv(paths, cacheDir) }, stdio: "pipe" },
    );
    let log = "";
    const onOutput = (chunk: string) => {
      log += chunk;
    };
    child.stdout?.setEncoding("utf8").on("data", onOutput);
    child.stderr?.setEncoding("utf8").on("data", onOutput);
    return { child, port, output, log: () => log };
  });
}

/** Eleventy's watcher prints this for every change it sees, before rebuilding. */
const FILE_CHANGED = "File changed:";

/**
 * How long a save may go unnoticed before we conclude the watcher does not see the folder:
 * chokidar reports a change within tens of milliseconds; this allows for a loaded machine.
 */
const NOTICE_TIMEOUT_MS = 2500;

/**
 * Starts the dev server on the project at `root` (its own working folder: the configuration
 * reads content from there) with the repository's `.eleventy.ts`, waits for the first build,
 * then makes `edits` headline edits one after another, each once the previous rebuild settled.
 *
 * @throws when the watcher does not notice the first save within 2.5 s, rather than waiting out
 * a rebuild that will never come. (Before df00fac, `.eleventy.ts` watched absolute paths, which
 * Eleventy 3.1.8 re-bases onto the working folder when the templates live outside it, so a
 * project outside the repository was never rebuilt.)
 */
export async function measureDevServer(
  paths: BenchPaths,
  root: string,
  article: BenchArticle,
  cacheDir: string,
  edits = 3,
): Promise<DevServerResult> {
  const config = path.join(paths.repoRoot, ".eleventy.ts");
  const started = performance.now();
  const server = await startServer(paths, root, config, cacheDir);
  const url = `http://127.0.0.1:${server.port}/${article.section}/${article.slug}/`;
  let listener: ReloadListener | undefined;
  try {
    const startMs = await Promise.race([
      waitForText(url, article.title, started, 15 * 60_000),
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
    for (let edit = 1; edit <= edits; edit += 1) {
      // Let the watcher settle: a save during a rebuild is queued behind it, which is a
      // different measurement (two builds back to back).
      await sleep(1000);
      const title = `Edited headline ${edit} ${article.title}`;
      const noticedBefore = server.log().split(FILE_CHANGED).length;
      const saved = performance.now();
      retitleArticle(root, article, title, true);
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
              `${NOTICE_TIMEOUT_MS / 1000} s (check the watch targets in .eleventy.ts):\n` +
              server.log().slice(-1000),
          );
        }
      }
      results.push(await waitForReload(listener, url, title, saved, 120_000));
    }
    return { startMs, edits: results };
  } finally {
    // Leave the article as generated, for any later measurement on the same folder.
    retitleArticle(root, article, article.title, true);
    listener?.close();
    await stop(server.child);
    rmSync(server.output, { recursive: true, force: true });
  }
}
