import type { AuthorsSpec } from "../../scripts/site/editorial-specs.ts";
import type { RenderBatch } from "../../scripts/site/render-batch.ts";
import { AuthorsPage } from "../AuthorsPage.tsx";

interface TemplateData {
  readonly broadsheet: RenderBatch;
  readonly spec: AuthorsSpec;
}

/** The index of author profiles, /authors/. */
export const data = {
  pagination: { data: "broadsheet.pages.authors", size: 1, alias: "spec" },
  permalink: (page: TemplateData) => page.spec.path,
};

export function render({ broadsheet, spec }: TemplateData) {
  return <AuthorsPage context={broadsheet.context} path={spec.path} profiles={spec.profiles} />;
}
