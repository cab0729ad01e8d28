import type { LiveIndexSpec } from "../../scripts/site/live-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: LiveIndexSpec;
}

/** Each live blog's index of which page holds each update, at <blog>/updates/index.json. */
export const data = {
  pagination: { data: "broadsheet.pages.live-index", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

/** `{"version":1,"blocks":{"<update name>":<page number, from 1>,...}}`. */
export function render({ spec }: TemplateData): string {
  const blocks: Record<string, number> = {};
  spec.blocks.forEach((names, block) => {
    for (const name of names) blocks[name] = block + 1;
  });
  return JSON.stringify({ version: 1, blocks });
}
