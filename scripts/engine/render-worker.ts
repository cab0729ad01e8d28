/**
 * A render worker: a child process that receives the render setup once, then batches of specs,
 * and answers each batch with the pages it rendered (stored by hash in the page store). Started
 * by render-pool.ts for renders large enough to use every core.
 */
import type { PageSpec } from "../site/page-specs.ts";
import { PageRenderer, type RenderSetup } from "./render-pages.ts";

/** Messages from the pool. */
export type ToWorker =
  | { readonly type: "setup"; readonly setup: RenderSetup }
  | { readonly type: "batch"; readonly id: number; readonly specs: readonly PageSpec[] };

/** Messages to the pool. */
export type FromWorker =
  | { readonly type: "ready" }
  | {
      readonly type: "done";
      readonly id: number;
      readonly pages: readonly import("./render-pages.ts").RenderedPage[];
    }
  | { readonly type: "failed"; readonly id: number; readonly error: string };

let renderer: PageRenderer | undefined;

function send(message: FromWorker): void {
  process.send?.(message);
}

process.on("message", (message: ToWorker) => {
  if (message.type === "setup") {
    renderer = new PageRenderer(message.setup);
    send({ type: "ready" });
    return;
  }
  const { id, specs } = message;
  if (!renderer) {
    send({ type: "failed", id, error: "a batch arrived before the setup" });
    return;
  }
  renderer.render(specs).then(
    (pages) => send({ type: "done", id, pages }),
    (error: unknown) =>
      send({
        type: "failed",
        id,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
  );
});

// The pool closes the channel when it is done; the worker then has nothing left to do.
process.on("disconnect", () => process.exit(0));
