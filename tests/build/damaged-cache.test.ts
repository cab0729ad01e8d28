/**
 * Every kind of wrong cache entry, for every kind of cache file: missing, cut short, garbled, a
 * folder where the file belongs, a file where its folder belongs, a looping or dangling link,
 * and a file of another kind or format version. After each, the next build succeeds and equals
 * a cold build, and so does the one after it (the damage healed, not only worked around). Those
 * builds run in this process (the engine `npm run build` runs), to spare a start-up each.
 *
 * Damage that would hide other damage is done apart: a damaged `state.json` means no state, so
 * the state's chunks are damaged in rounds of their own. The stores' objects (packs, the
 * editors' UI's files, the media cache) are read only when a file must be copied into the site,
 * so their rounds delete `_site/` too, which makes the build read every one of them.
 */
import assert from "node:assert/strict";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { FixtureSite } from "../helpers/fixture-site.ts";
import type { SiteFile } from "../helpers/site-snapshot.ts";
import {
  buildHere,
  coldSnapshot,
  createTransactionSite,
  type Run,
  siteDifferences,
  startBuild,
} from "../helpers/transaction-site.ts";

const CMS = "cms:\n  backend: github\n  repo: newsroom/broadsheet\n  branch: main\n";
const scratch = mkdtempSync(path.join(os.tmpdir(), "broadsheet-damage-"));
const sites: FixtureSite[] = [];
let expected: Map<string, SiteFile>;
/** The same site without the editors' UI: the journal's rounds need none, and run faster. */
let expectedPlain: Map<string, SiteFile>;

/** The edit the journal's rounds start to publish and undo: a new rule in a stylesheet. */
const STYLESHEET_RULE = "\n.story-body figure { margin: 0; }\n";

before(() => {
  const reference = createTransactionSite(CMS);
  sites.push(reference);
  expected = coldSnapshot(reference.root, path.join(scratch, "cold"));
  const plain = createTransactionSite();
  sites.push(plain);
  expectedPlain = coldSnapshot(plain.root, path.join(scratch, "cold-plain"));
});

after(() => {
  for (const site of sites) site.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** The ways an entry can be wrong, each done to one path. */
const DAMAGE = {
  missing: (file: string) => rmSync(file, { recursive: true, force: true }),
  truncated: (file: string) => {
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 3)));
  },
  garbled: (file: string) => {
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    bytes.fill(0x5a, Math.max(0, middle - 8), Math.min(bytes.length, middle + 56));
    writeFileSync(file, bytes);
  },
  "a folder": (file: string) => {
    rmSync(file, { recursive: true, force: true });
    mkdirSync(path.join(file, "inside"), { recursive: true });
  },
  "a file where its folder belongs": (file: string) => {
    const folder = path.dirname(file);
    rmSync(folder, { recursive: true, force: true });
    writeFileSync(folder, "not a folder");
  },
  "a looping link": (file: string) => {
    rmSync(file, { recursive: true, force: true });
    symlinkSync(path.basename(file), file);
  },
  "a dangling link": (file: string) => {
    rmSync(file, { recursive: true, force: true });
    symlinkSync(path.join(scratch, "nowhere", path.basename(file)), file);
  },
  /** Another kind's or another version's file: the checked header or the manifest's version. */
  foreign: (file: string) => {
    const text = readFileSync(file, "utf8");
    const other = text.startsWith("broadsheet ")
      ? text.replace(/^broadsheet (\S+) (\d+) /, (_all, kind: string) => `broadsheet ${kind} 999 `)
      : text.replace(/"version":\d+/, '"version":1');
    assert.notEqual(other, text, `${file} has a version to change`);
    writeFileSync(file, other);
  },
} as const;
type Damage = keyof typeof DAMAGE;
const FORMS: readonly Damage[] = [
  "missing",
  "truncated",
  "garbled",
  "a folder",
  "a file where its folder belongs",
  "foreign",
];

function inFolder(dir: string, test: (name: string) => boolean): string {
  const name = readdirSync(dir).find(test);
  assert.ok(name, `a file in ${dir}`);
  return path.join(dir, name);
}

/** Where each kind of cache file of the project at `root` is now. */
function kinds(root: string) {
  const cache = path.join(root, ".cache/build/site");
  const media = path.join(root, ".cache/media");
  const adminSet = () => inFolder(path.join(cache, "admin"), () => true);
  const pack = (store: string) => () =>
    inFolder(path.join(cache, store), (name) => name.endsWith(".pack"));
  return {
    "state.json": () => path.join(cache, "state.json"),
    "a state chunk": () => inFolder(path.join(cache, "state"), (name) => name.startsWith("pages-")),
    "the state folder": () => path.join(cache, "state"),
    "a page pack": pack("pages"),
    "a record pack": pack("records"),
    "a search pack": pack("search"),
    "an admin set file": () => path.join(adminSet(), "files", "config.yml"),
    "an admin set manifest": () => path.join(adminSet(), "manifest.json"),
    "a media cache file": () =>
      inFolder(path.join(media, "files"), (name) => name.startsWith("quay-")),
    "a media manifest": () =>
      inFolder(path.join(media, "manifests"), (name) =>
        readFileSync(path.join(media, "manifests", name), "utf8").includes('"name":"quay-'),
      ),
    "the publish journal": () => path.join(cache, "commit.json"),
  };
}
type Kind = keyof ReturnType<typeof kinds>;

/** Packs and the media cache's files hold no version of their own: "foreign" is "garbled". */
const UNVERSIONED: readonly Kind[] = [
  "a page pack",
  "a record pack",
  "a search pack",
  "an admin set file",
  "a media cache file",
];

/**
 * A project of its own for a group of rounds; `ownMedia` gives it a media cache to damage,
 * `admin` the editors' UI (whose cache files some rounds damage).
 */
function project(ownMedia: boolean, admin = true) {
  const site = createTransactionSite(admin ? CMS : "");
  sites.push(site);
  const env: Record<string, string> = ownMedia
    ? { BROADSHEET_CACHE_DIR: path.join(site.root, ".cache/media") }
    : {};
  return { root: site.root, env, where: kinds(site.root) };
}

/** The next two builds of `root` must succeed and equal `want` (healed, not worked around). */
async function healed(
  root: string,
  env: Record<string, string>,
  label: string,
  want: Map<string, SiteFile> = expected,
): Promise<string[]> {
  const problems: string[] = [];
  for (const which of ["the next build", "the one after"]) {
    const run: Run = await buildHere(root, env);
    if (run.status !== 0) problems.push(`${which} failed:\n${run.stdout}\n${run.stderr}`);
    problems.push(...siteDifferences(root, want).map((d) => `${which}: ${d}`));
  }
  return problems.map((problem) => `${label}: ${problem}`);
}

/** Damages `targets` with `form` (each at the path it has now), then expects the builds healed. */
async function round(
  p: ReturnType<typeof project>,
  form: Damage,
  targets: readonly Kind[],
  options: { readonly deleteSite?: boolean } = {},
): Promise<string[]> {
  const chosen = targets.filter((kind) => form !== "foreign" || !UNVERSIONED.includes(kind));
  const paths = chosen.map((kind) => p.where[kind]());
  for (const file of paths) DAMAGE[form](file);
  // A build where nothing changed stops before it reads any cache (input-manifest.ts): the
  // settings' file is touched, as by an edit, so the next builds read the caches and heal them.
  const settings = path.join(p.root, "content/_data/site.yaml");
  utimesSync(settings, new Date(), new Date());
  if (options.deleteSite) rmSync(path.join(p.root, "_site"), { recursive: true, force: true });
  return healed(p.root, p.env, `${chosen.join(" + ")}: ${form}`);
}

async function built(p: ReturnType<typeof project>): Promise<void> {
  const first = await buildHere(p.root, p.env);
  assert.equal(first.status, 0, first.stderr);
}

describe("a damaged build or media cache", { concurrency: 2 }, () => {
  it("heals state.json, a state chunk, the state folder, the admin and media manifests and media files, in every form", async () => {
    const p = project(true);
    await built(p);
    const problems: string[] = [];
    for (const form of FORMS) {
      // state.json damaged means no state: what is read then is the stores' manifests and files.
      const alongside: Kind[] = ["an admin set manifest", "a media manifest", "a media cache file"];
      if (form === "a file where its folder belongs") {
        problems.push(...(await round(p, form, alongside)));
      } else {
        problems.push(...(await round(p, form, ["state.json", ...alongside])));
      }
      problems.push(...(await round(p, form, ["a state chunk"])));
    }
    problems.push(...(await round(p, "missing", ["the state folder"])));
    for (const form of ["a looping link", "a dangling link"] as const) {
      problems.push(...(await round(p, form, ["state.json", "a media cache file"])));
      problems.push(...(await round(p, form, ["the state folder"])));
    }
    assert.deepEqual(problems, []);
  });

  it("heals page, record and search packs and the admin set's files, in every form", async () => {
    const p = project(false);
    await built(p);
    const problems: string[] = [];
    const stores: Kind[] = ["a page pack", "a record pack", "a search pack", "an admin set file"];
    // With _site/ deleted, every object is read back from the stores to make it again.
    for (const form of FORMS.filter((each) => each !== "foreign")) {
      problems.push(...(await round(p, form, stores, { deleteSite: true })));
    }
    for (const form of ["a looping link", "a dangling link"] as const) {
      problems.push(...(await round(p, form, stores, { deleteSite: true })));
    }
    // With _site/ kept, nothing needs the packs' objects, but the build still looks at every
    // pack it keeps: one it cannot read must not stop it.
    for (const form of ["a folder", "a looping link"] as const) {
      problems.push(...(await round(p, form, stores)));
    }
    // The target's whole cache folder, and the media cache's, each a file.
    rmSync(path.join(p.root, ".cache/build/site"), { recursive: true });
    writeFileSync(path.join(p.root, ".cache/build/site"), "not a folder");
    problems.push(...(await healed(p.root, p.env, "the build cache folder as a file")));
    assert.deepEqual(problems, []);
  });

  it("heals the journal of an interrupted publish, in every form, even when the edit is undone", async () => {
    const p = project(false, false);
    await built(p);
    const css = path.join(p.root, "assets/css/body-media.css");
    const original = readFileSync(css, "utf8");
    const journal = p.where["the publish journal"]();
    const problems: string[] = [];
    for (const form of [...FORMS, "a looping link", "a dangling link"] as const) {
      // A publish of a new stylesheet, killed before its second rename into _site/ (the page,
      // after the stylesheet), leaves its journal behind; then the editor undoes the change.
      writeFileSync(css, `${original}${STYLESHEET_RULE}`);
      const killed = await startBuild(p.root, { ...p.env, BROADSHEET_FAULT: "kill:2:rename" });
      writeFileSync(css, original);
      if (killed.signal !== "SIGKILL" || !existsSync(journal)) {
        problems.push(`${form}: no journal was left (${killed.status}):\n${killed.stderr}`);
        continue;
      }
      DAMAGE[form](journal);
      // The new stylesheet already in _site/ is named by no state but the journal's.
      problems.push(...(await healed(p.root, p.env, `the journal, ${form}`, expectedPlain)));
      if (existsSync(journal)) problems.push(`${form}: the journal is still there`);
    }
    assert.deepEqual(problems, []);
  });
});
