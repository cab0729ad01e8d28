/** The benchmark's command line: sizes and options. */
import { SCENARIOS, type ScenarioKey } from "./results.ts";

/** The command line, parsed. */
export interface BenchArguments {
  readonly sizes: readonly number[];
  readonly repeat: number;
  readonly seed: number;
  readonly keep: boolean;
  /** Measure the dev server (at sizes up to {@link DEV_SERVER_LIMIT}). */
  readonly dev: boolean;
  readonly out: string;
  /** Profile one extra cold build per size (`--cpu-prof`), into `<out>/profiles/`. */
  readonly profile: boolean;
  /** With `--profile`: also V8's sampling heap profiler (`--heap-prof`). */
  readonly heapProfile: boolean;
  /** Issue #7's with-images measurements (a cold build with photos, image stage, page weights). */
  readonly images: boolean;
  /** Run the baselines (plain Eleventy, Hugo). */
  readonly plain: boolean;
  readonly hugo: boolean;
  /** Issue 26: start with the shipped standing pages; edit one, and add one to the footer. */
  readonly pages: boolean;
  /** A 1,000-update live blog in the archive, and the "one live update" scenario. */
  readonly live: boolean;
  /** The Broadsheet scenarios to run (`--only`; the cold build always runs first). */
  readonly only?: readonly ScenarioKey[];
}

/** The sizes run when none are given: quick enough for a check, and the first target size. */
export const DEFAULT_SIZES: readonly number[] = [1000, 4000];

/** The dev server is measured up to this size (issue 11 sets its target at 4,000). */
export const DEV_SERVER_LIMIT = 4000;

export const USAGE =
  "Usage: npm run bench -- [sizes...] [--repeat N] [--seed N] [--no-dev] [--no-plain] [--no-hugo] " +
  "[--images] [--pages] [--live] [--only cold,added,...] [--profile] [--heap-prof] [--keep] [--out DIR]";

/** Parses the command line; throws with the usage on anything it does not know. */
export function parseArguments(argv: readonly string[]): BenchArguments {
  const sizes: number[] = [];
  const flags = {
    repeat: 1,
    seed: 1,
    keep: false,
    dev: true,
    out: "bench-results",
    profile: false,
    heapProfile: false,
    images: false,
    plain: true,
    hugo: true,
    pages: false,
    live: false,
  };
  let only: ScenarioKey[] | undefined;
  const integer = (name: string, value: string | undefined) => {
    // Sizes may be written with separators or underscores: 100,000 or 100_000.
    const number = Number((value ?? "").replace(/[,_]/g, ""));
    if (value === undefined || !Number.isInteger(number) || number < 1) {
      throw new Error(`${name} needs a positive whole number, got "${value ?? ""}"`);
    }
    return number;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i] ?? "";
    const [flag, inline] = argument.startsWith("--") ? argument.split("=", 2) : [argument];
    const value = () => inline ?? argv[++i];
    if (flag === "--repeat") flags.repeat = integer("--repeat", value());
    else if (flag === "--seed") flags.seed = integer("--seed", value());
    else if (flag === "--out") flags.out = value() ?? flags.out;
    else if (flag === "--keep") flags.keep = true;
    else if (flag === "--no-dev") flags.dev = false;
    else if (flag === "--no-plain") flags.plain = false;
    else if (flag === "--no-hugo") flags.hugo = false;
    else if (flag === "--images") flags.images = true;
    else if (flag === "--pages") flags.pages = true;
    else if (flag === "--live") flags.live = true;
    else if (flag === "--only") only = scenarioList(value());
    else if (flag === "--profile") flags.profile = true;
    else if (flag === "--heap-prof") flags.heapProfile = flags.profile = true;
    else if (/^\d[\d,_]*$/.test(argument)) sizes.push(integer("a size", argument));
    else throw new Error(`unknown argument "${argument}". ${USAGE}`);
  }
  const chosen = sizes.length > 0 ? [...new Set(sizes)].sort((a, b) => a - b) : DEFAULT_SIZES;
  return { sizes: chosen, ...flags, ...(only ? { only } : {}) };
}

/** `cold,added,liveUpdate`: scenario keys, the cold build always among them. */
function scenarioList(value: string | undefined): ScenarioKey[] {
  const keys: readonly string[] = SCENARIOS.map((scenario) => scenario.key);
  const named = (value ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter(Boolean);
  const unknown = named.filter((key) => !keys.includes(key));
  if (named.length === 0 || unknown.length > 0) {
    throw new Error(`--only takes scenario keys among ${keys.join(", ")}; got "${value ?? ""}"`);
  }
  return SCENARIOS.map((scenario) => scenario.key).filter(
    (key) => key === "cold" || named.includes(key),
  );
}
