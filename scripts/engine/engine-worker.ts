/**
 * A build worker: a child process that reads articles and renders pages for the build (see
 * worker-pool.ts). It runs the same functions the build runs in its own process.
 */
import { readArticles } from "./article-scan.ts";
import { RecordStore } from "./record-store.ts";
import { PageRenderer } from "./render-pages.ts";
import type { JobResult, ReadSetup, WorkerMessage, WorkerReply } from "./worker-protocol.ts";

let reading: { setup: ReadSetup; records: RecordStore } | undefined;
let renderer: PageRenderer | undefined;

function reply(message: WorkerReply): void {
  process.send?.(message);
}

async function run(message: Extract<WorkerMessage, { type: "job" }>): Promise<JobResult> {
  const { job } = message;
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
