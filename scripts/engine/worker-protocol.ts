/** The messages between the build and its worker processes (worker-pool.ts, engine-worker.ts). */
import type { ContentIssue } from "../content/issues.ts";
import type { Site } from "../content/model.ts";
import type { PageSpec } from "../site/page-specs.ts";
import type { PendingArticle, ReadResult } from "./article-scan.ts";
import type { RenderedPage, RenderSetup } from "./render-pages.ts";
import type { PartJob } from "./search-index.ts";
import type { PartEntry } from "./state.ts";

/** What reading articles needs besides the folders. */
export interface ReadSetup {
  readonly root: string;
  readonly site: Site;
  readonly parseKey: string;
  readonly recordsDir: string;
}

/** What indexing a search part needs besides its stories. */
export interface IndexSetup {
  readonly root: string;
  readonly site: Site;
  readonly recordsDir: string;
  readonly searchDir: string;
}

export type Job =
  | { readonly kind: "read"; readonly pending: readonly PendingArticle[] }
  | { readonly kind: "render"; readonly specs: readonly PageSpec[] }
  | { readonly kind: "index"; readonly setup: IndexSetup; readonly part: PartJob };

export type JobResult =
  | { readonly kind: "read"; readonly read: ReadResult }
  | { readonly kind: "render"; readonly pages: readonly RenderedPage[] }
  | { readonly kind: "index"; readonly entry: PartEntry };

export type WorkerMessage =
  | { readonly type: "read-setup"; readonly setup: ReadSetup }
  | { readonly type: "render-setup"; readonly setup: RenderSetup }
  | { readonly type: "job"; readonly job: Job };

export type WorkerReply =
  | { readonly type: "done"; readonly result: JobResult }
  | { readonly type: "failed"; readonly error: string };

export type { ContentIssue };
