// @ts-check
/**
 * Runs a Broadsheet command from compiled JavaScript:
 *
 *   node scripts/run.mjs build | import [args] | new [args]   (npm run build, import, new)
 *   node scripts/run.mjs compile                               (compile now; print the folder)
 *
 * Starting from TypeScript costs tsx compiling every module on every start (about 0.7 s of a
 * build that changes nothing). The code is compiled once per change to its sources instead
 * (scripts/launch/: fingerprint, compile, check) and every later start imports the compiled
 * modules. The command sees itself as run directly: argv[1] is its source file, as with tsx.
 * If the code cannot be compiled (a read-only or full disk, say), the command runs from source
 * through tsx, slower but the same.
 *
 * `npm run build` starts this with `--max-semi-space-size=4` (package.json): V8's young
 * generation of 16 MiB semi-spaces held about 40 MB of a 20,000-article publish's 345 MB, and
 * the publish took no longer with 4 (medians of paired runs; a cold build neither). Render
 * workers set their own (engine/worker-pool.ts). V8 reads it only at start, so it cannot be
 * set from here.
 */
import { spawn } from "node:child_process";
import module from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compiledCode } from "./launch/compiled-cache.mjs";
import { compiledPath, markCompiled } from "./launch/layout.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** @type {Record<string, string>} */
const COMMANDS = {
  build: "scripts/build.ts",
  import: "scripts/cli/import.ts",
  new: "scripts/cli/new.ts",
};

/**
 * Runs `source` from TypeScript in a child process, as `node --import tsx` would.
 * @param {string} source
 * @param {readonly string[]} args
 */
function runFromSource(source, args) {
  const child = spawn(
    process.execPath,
    [...process.execArgv, "--import", import.meta.resolve("tsx"), source, ...args],
    { stdio: "inherit" },
  );
  child.on("exit", (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 1;
  });
}

async function main() {
  const [command = "", ...args] = process.argv.slice(2);
  if (command === "compile") {
    const compiled = await compiledCode(ROOT);
    console.log(compiled.dir);
    return;
  }
  const relative = COMMANDS[command];
  if (!relative) {
    console.error(`Usage: node scripts/run.mjs ${Object.keys(COMMANDS).join("|")}|compile [args]`);
    process.exitCode = 2;
    return;
  }
  const source = path.join(ROOT, relative);
  let dir;
  try {
    ({ dir } = await compiledCode(ROOT));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `Broadsheet could not compile its code (${reason}); running it from source instead.`,
    );
    runFromSource(source, args);
    return;
  }
  // Node 22.1 and later keep V8's compiled form of every module loaded (ours and the
  // packages'), checked against each file's content: the next start skips parsing them. The
  // build's workers read the folder from the environment. Node 20 has no such cache.
  const v8Cache = path.join(ROOT, ".cache", "node-compile-cache");
  /** @type {{ enableCompileCache?: (dir: string) => unknown }} (Node 22.1+; typed for Node 20) */
  const loader = /** @type {any} */ (module);
  if (typeof loader.enableCompileCache === "function") {
    loader.enableCompileCache(v8Cache);
    process.env.NODE_COMPILE_CACHE = v8Cache;
  }
  markCompiled({ root: ROOT, dir });
  // The command reads its arguments and knows it was run as it does under tsx.
  process.argv.splice(1, 2, source);
  // Stack traces name the TypeScript sources' lines when DEBUG=1 asks for them: mapping costs
  // about 30 ms of every start.
  if (process.env.DEBUG) process.setSourceMapsEnabled(true);
  await import(pathToFileURL(compiledPath(dir, relative)).href);
}

await main();
