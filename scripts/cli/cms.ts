/**
 * `npm run cms`: the editors' web UI against this working copy (Sveltia CMS's local mode).
 *
 *   npm run cms [-- --port 8081]
 *
 * Open the address it prints in Chrome, Edge or another Chromium-based browser, choose
 * "Work with Local Repository" and pick this project's folder: saving writes the article
 * folder on disk, and `npm start`, running beside it, shows the change. Nothing is committed.
 */
import { parseArgs } from "node:util";
import { serveEditor } from "../cms/serve.ts";
import { loadSite } from "../content/load-site.ts";
import { contentOptionsFromEnv } from "../content/options.ts";
import { formatIssues } from "../content/report.ts";

const DEFAULT_PORT = 8081;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { port: { type: "string" } }, strict: true });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port must be a port number, not "${values.port}".`);
    return 1;
  }
  const options = contentOptionsFromEnv();
  const site = loadSite(options);
  if (!site.ok) {
    console.error(
      formatIssues(site.issues, process.stderr.isTTY === true && !process.env.NO_COLOR),
    );
    return 1;
  }
  const server = await serveEditor(site.value, options.root, port);
  console.log(`Editors' web UI: ${server.url}`);
  console.log(
    `Open it in a Chromium-based browser, choose "Work with Local Repository" and pick ${options.root}.\n` +
      "Saving writes the article folder on disk (nothing is committed); run `npm start` beside it to see the site. Ctrl+C stops it.",
  );
  return new Promise<number>(() => undefined);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`npm run cms failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
