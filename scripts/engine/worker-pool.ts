/**
 * Worker processes for the two heavy passes of a large build: reading (and parsing) articles
 * and rendering pages. Each worker loads TypeScript, the parser, Eleventy and the layouts once
 * (about a second), then takes jobs as it finishes the last; a job's result depends only on the
 * job, so which worker ran it never shows in the output.
 */
import { type ChildProcess, fork } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { runnableModule } from "../launch/layout.mjs";
import type { ArticleEntry } from "./state.ts";
import type { Job, JobResult, WorkerMessage, WorkerReply } from "./worker-protocol.ts";

/**
 * Workers: one per core, or `BROADSHEET_WORKERS` (1 keeps all work in the build's own process,
 * which profiles more simply).
 */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number.parseInt(env.BROADSHEET_WORKERS ?? "", 10);
  return Number.isInteger(asked) && asked > 0 ? asked : availableParallelism();
}

/**
 * Whether `work` items justify workers: more than `threshold` of them on more than one core, or
 * whenever `BROADSHEET_WORKERS` asks for more than one (tests use it, with
 * `BROADSHEET_BATCH_SIZE`, to check that workers and the build process give the same bytes).
 */
export function wantsWorkers(work: number, threshold: number, env = process.env): boolean {
  if (workerCount(env) < 2 || work === 0) return false;
  return work >= threshold || env.BROADSHEET_WORKERS !== undefined;
}

/** The worker's source; a build running compiled starts its workers on the compiled twin. */
const WORKER = fileURLToPath(new URL("./engine-worker.ts", import.meta.url));

interface Waiting {
  /** The job, or what makes it when a worker is free (its data then exist only while it runs). */
  readonly job: Job | (() => Job);
  readonly resolve: (result: JobResult) => void;
  readonly reject: (error: Error) => void;
}

/**
 * V8 flags of each worker. A render worker allocates short-lived strings at a high rate (pages,
 * cards, dates), and the collector took 7.6 % of its time in a profiled cold build of 4,000
 * articles; semi-spaces of 32 MiB instead of 16 halve the young generation's collections, for
 * at most 32 MiB more per worker (about 3 % less CPU over three paired runs, within the noise
 * of a shared machine).
 */
const WORKER_FLAGS = ["--max-semi-space-size=32"];

export class WorkerPool {
  readonly #children: ChildProcess[] = [];
  readonly #idle: ChildProcess[] = [];
  readonly #queue: Waiting[] = [];
  readonly #running = new Map<ChildProcess, Waiting>();
  #failure: Error | undefined;
  #closing = false;

  constructor(count: number) {
    for (let index = 0; index < count; index++) {
      const child = fork(runnableModule(WORKER), [], {
        serialization: "advanced",
        stdio: "inherit",
        execArgv: [
          ...process.execArgv,
          ...WORKER_FLAGS,
          // Compiled code maps its stack traces when asked (scripts/run.mjs): so do its workers.
          ...(process.sourceMapsEnabled ? ["--enable-source-maps"] : []),
        ],
      });
      this.#children.push(child);
      this.#idle.push(child);
      child.on("message", (reply: WorkerReply) => this.#receive(child, reply));
      child.on("exit", (code, signal) => {
        if (!this.#closing) this.#fail(new Error(`a build worker stopped (${signal ?? code})`));
      });
    }
  }

  get size(): number {
    return this.#children.length;
  }

  /** Sends every worker the same message (setup for a pass). */
  broadcast(message: WorkerMessage): void {
    for (const child of this.#children) child.send(message);
  }

  /** Runs one job on the next free worker. */
  run(job: Job | (() => Job)): Promise<JobResult> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#queue.push({ job, resolve, reject });
      this.#dispatch();
    });
  }

  close(): void {
    this.#closing = true;
    for (const child of this.#children) if (child.connected) child.disconnect();
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const child = this.#idle.pop() as ChildProcess;
      const waiting = this.#queue.shift() as Waiting;
      this.#running.set(child, waiting);
      const job = typeof waiting.job === "function" ? waiting.job() : waiting.job;
      child.send({ type: "job", job } satisfies WorkerMessage);
    }
  }

  #receive(child: ChildProcess, reply: WorkerReply): void {
    const waiting = this.#running.get(child);
    if (!waiting) return;
    this.#running.delete(child);
    this.#idle.push(child);
    if (reply.type === "failed") waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.result);
    this.#dispatch();
  }

  #fail(error: Error): void {
    this.#failure = error;
    for (const waiting of [...this.#running.values(), ...this.#queue]) waiting.reject(error);
    this.#running.clear();
    this.#queue.length = 0;
  }
}

/** Cuts `items` into batches of `size` (or `BROADSHEET_BATCH_SIZE`). */
export function batchesOf<T>(items: readonly T[], size: number, env = process.env): T[][] {
  const asked = Number.parseInt(env.BROADSHEET_BATCH_SIZE ?? "", 10);
  const each = Number.isInteger(asked) && asked > 0 ? asked : size;
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += each)
    out.push(items.slice(start, start + each));
  return out;
}

export type { ArticleEntry };
