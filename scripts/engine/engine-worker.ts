/**
 * A build worker: a child process that reads articles and renders pages for the build (see
 * worker-pool.ts). It runs the same functions the build runs in its own process.
 */
import { readArticles } from "./article-scan.ts";
import { PackStore } from "./pack-store.ts";
import { RecordStore } from "./record-store.ts";
import { PageRenderer } from "./render-pages.ts";
import { indexParts } from "./search-index.ts";
import type { JobResult, ReadSetup, WorkerMessage, WorkerReply } from "./worker-protocol.ts";

let reading: { setup: ReadSetup; records: RecordStore } | undefined;
let renderer: PageRenderer | undefined;

function reply(message: WorkerReply): void {
  process.send?.(message);
}

/** The stores an index job appends to: one per folder, kept open across jobs. */
const searchStores = new Map<string, PackStore>();

async function run(message: Extract<WorkerMessage, { type: "job" }>): Promise<JobResult> {
  const { job } = message;
  if (job.kind === "index") {
    const { setup, part } = job;
    let store = searchStores.get(setup.searchDir);
    if (!store) {
      store = new PackStore(setup.searchDir);
      searchStores.set(setup.searchDir, store);
    }
    const source = {
      root: setup.root,
      site: setup.site,
      records: new RecordStore(setup.recordsDir),
    };
    const made = await indexParts([part], source, store);
    const entry = made.get(part.key);
    if (!entry) throw new Error(`search: part ${part.id} was not indexed`);
    return { kind: "index", entry };
  }
  if (job.kind === "read") {
    if (!reading) throw new Error("a read job arrived before the read setup");
    const { setup, records } = reading;
    return {
      kind: "read",
      read: readArticles(setup.root, setup.site, setup.parseKey, records, job.pending),
    };
  }
  if (!renderer) throw new Error("a render job arrived before the render setup");
  return { kind: "render", pages: await renderer.render(job.specs) };
}

process.on("message", (message: WorkerMessage) => {
  if (message.type === "read-setup") {
    reading = { setup: message.setup, records: new RecordStore(message.setup.recordsDir) };
    return;
  }
  if (message.type === "render-setup") {
    renderer = new PageRenderer(message.setup);
    return;
  }
  run(message).then(
    (result) => reply({ type: "done", result }),
    (error: unknown) =>
      reply({
        type: "failed",
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});

// The pool closes the channel when the build is done; the worker then has nothing left to do.
process.on("disconnect", () => process.exit(0));
