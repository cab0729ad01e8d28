// @ts-check
/**
 * Compiles Broadsheet's TypeScript once into plain ES modules (esbuild, already installed for
 * the editors' web UI), so a build starts by importing JavaScript instead of having tsx compile
 * every source file on every start. Packages stay outside the bundle (node_modules is read as
 * always); the build's entry points share chunks, so a module is evaluated once per process
 * whichever entry reaches it; every page template is a chunk of its own, loaded when a render
 * needs it (scripts/engine/render-pages.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * The modules a process starts on: the three commands, and the build's worker processes
 * (scripts/engine/worker-pool.ts starts them on the compiled worker when the build runs
 * compiled).
 */
export const ENTRY_POINTS = [
  "scripts/build.ts",
  "scripts/cli/import.ts",
  "scripts/cli/new.ts",
  "scripts/engine/engine-worker.ts",
];

/**
 * `import.meta.url` means, in compiled code, what it meant in the source: the source file's own
 * URL. Code finds the repository (code versions, the editors' web UI's files, the page
 * templates' folder) from it, and `import.meta.url === argv[1]` tells a command it was run
 * (the launcher sets argv[1] to the command's source).
 * @returns {import("esbuild").Plugin}
 */
function sourceLocations() {
  return {
    name: "source-locations",
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
        const source = readFileSync(args.path, "utf8");
        const url = JSON.stringify(pathToFileURL(args.path).href);
        const extension = path.extname(args.path).slice(1);
        /** @type {import("esbuild").Loader} */
        const loader = extension.endsWith("tsx")
          ? "tsx"
          : extension.endsWith("ts")
            ? "ts"
            : extension.endsWith("jsx")
              ? "jsx"
              : "js";
        return { contents: source.replaceAll("import.meta.url", url), loader };
      });
    },
  };
}

/**
 * Compiles the entry points of the repository at `root` into `outDir`. Returns every file
 * written, relative to `outDir`, and every source file the bundle read, relative to `root`
 * (the caller checks they are all fingerprinted).
 * @param {string} root
 * @param {string} outDir
 * @returns {Promise<{ outputs: string[]; inputs: string[] }>}
 */
export async function compile(root, outDir) {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: outDir,
    outbase: ".",
    entryNames: "[dir]/[name]",
    chunkNames: "chunks/[name]-[hash]",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // node_modules is imported as it is: packages load native code (sharp), find their own
    // files (Eleventy, Pagefind's binary) and have their own versions in the code keys.
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    // Function and class names as written: bundling may rename clashing ones otherwise.
    keepNames: true,
    // Stack traces point at the TypeScript sources, which stay in the repository.
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    logLevel: "silent",
    plugins: [sourceLocations()],
    // Nothing a compiled module prints, throws or writes may differ from running the source.
    legalComments: "none",
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) =>
    path.relative(outDir, path.resolve(root, file)),
  );
  const inputs = Object.keys(result.metafile.inputs).filter(
    (file) => !file.split(/[\\/]/).includes("node_modules"),
  );
  return { outputs, inputs };
}
