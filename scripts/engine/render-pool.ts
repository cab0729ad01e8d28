/**
 * Renders many pages on every core: the specs are cut into batches and handed to worker
 * processes as they finish the last one. Few pages are rendered in this process instead, where
 * starting workers would cost more than it saves.
 */
import { type ChildProcess, fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { PageSpec } from "../site/page-specs.ts";
import { PageRenderer, type RenderedPage, type RenderSetup } from "./render-pages.ts";
import type { FromWorker, ToWorker } from "./render-worker.ts";

/**
 * Pages per Eleventy run: large enough that Eleventy's start-up (about 0.1 s) is small beside
 * the rendering, small enough that a batch's pages and bodies stay a few megabytes.
 *
 * @default 500
 */
export const BATCH_SIZE = 500;

/**
 * Below this many pages, rendering in this process is faster than starting workers (each loads
 * TypeScript, Eleventy and the layouts: about a second).
 *
 * @default 1500
 */
export const WORKER_THRESHOLD = 1500;

/**
 * Render workers: one per core, or `BROADSHEET_WORKERS` (1 renders everything in the build's
 * own process, which profiles more simply).
 */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number.parseInt(env.BROADSHEET_WORKERS ?? "", 10);
  return Number.isInteger(asked) && asked > 0 ? asked : availableParallelism();
}

const WORKER = fileURLToPath(new URL("./render-worker.ts", import.meta.url));

function batches(specs: readonly PageSpec[], size: number): PageSpec[][] {
  const out: PageSpec[][] = [];
  for (let start = 0; start < specs.length; start += size)
    out.push(specs.slice(start, start + size));
  return out;
}

/**
 * Whether to render in worker processes: for large renders on more than one core, or whenever
 * `BROADSHEET_WORKERS` asks for more than one (tests use it to check that workers and the build
 * process render the same bytes, with `BROADSHEET_BATCH_SIZE` to cut a small site into batches).
 */
function useWorkers(pages: number, workers: number, env: NodeJS.ProcessEnv): boolean {
  if (workers < 2) return false;
  return pages >= WORKER_THRESHOLD || env.BROADSHEET_WORKERS !== undefined;
}

/** Renders every spec; `onBatch` is told how many pages are done. */
export async function renderAll(
  specs: readonly PageSpec[],
  setup: RenderSetup,
  onBatch?: (done: number, total: number) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RenderedPage[]> {
  const size = Number.parseInt(env.BROADSHEET_BATCH_SIZE ?? "", 10);
  const work = batches(specs, Number.isInteger(size) && size > 0 ? size : BATCH_SIZE);
  const workers = Math.min(workerCount(env), work.length);
  if (!useWorkers(specs.length, workers, env)) {
    const renderer = new PageRenderer(setup);
    const pages: RenderedPage[] = [];
    for (const batch of work) {
      pages.push(...(await renderer.render(batch)));
      onBatch?.(pages.length, specs.length);
    }
    return pages;
  }
  return renderInWorkers(work, setup, workers, specs.length, onBatch);
}

async function renderInWorkers(
  work: PageSpec[][],
  setup: RenderSetup,
  count: number,
  total: number,
  onBatch?: (done: number, total: number) => void,
): Promise<RenderedPage[]> {
  const results: RenderedPage[][] = new Array(work.length);
  const children: ChildProcess[] = [];
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      const start = (child: ChildProcess) => {
        if (next >= work.length) {
          finished++;
          if (finished === count) resolve();
          return;
        }
        const id = next++;
        child.send({ type: "batch", id, specs: work[id] ?? [] } satisfies ToWorker);
      };
      for (let index = 0; index < count; index++) {
        const child = fork(WORKER, [], { serialization: "advanced", stdio: "inherit" });
        children.push(child);
        child.on("message", (message: FromWorker) => {
          if (message.type === "ready") return start(child);
          if (message.type === "failed") return reject(new Error(message.error));
          results[message.id] = [...message.pages];
          done += message.pages.length;
          onBatch?.(done, total);
          start(child);
        });
        child.on("exit", (code, signal) => {
          if (finished < count) reject(new Error(`a render worker stopped (${signal ?? code})`));
        });
        child.send({ type: "setup", setup } satisfies ToWorker);
      }
    });
  } finally {
    for (const child of children) {
      if (child.connected) child.disconnect();
    }
  }
  return results.flat();
}
