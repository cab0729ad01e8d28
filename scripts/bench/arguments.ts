/** The benchmark's command line: sizes and options. */

/** The command line, parsed. */
export interface BenchArguments {
  readonly sizes: readonly number[];
  readonly repeat: number;
  readonly seed: number;
  readonly keep: boolean;
  readonly dev: boolean;
  readonly out: string;
  /** Profile one extra warm build per size (`--cpu-prof`), into `<out>/profiles/`. */
  readonly profile: boolean;
}

/** Parses the command line; throws with a usage hint on anything it does not know. */
export function parseArguments(argv: readonly string[]): BenchArguments {
  const sizes: number[] = [];
  let repeat = 1;
  let seed = 1;
  let keep = false;
  let dev = true;
  let out = "bench-results";
  let profile = false;
  const integer = (name: string, value: string | undefined) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1) {
      throw new Error(`${name} needs a positive whole number, got "${value ?? ""}"`);
    }
    return number;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i] ?? "";
    const [flag, inline] = argument.startsWith("--") ? argument.split("=", 2) : [argument];
    const value = () => inline ?? argv[++i];
    if (flag === "--repeat") repeat = integer("--repeat", value());
    else if (flag === "--seed") seed = integer("--seed", value());
    else if (flag === "--out") out = value() ?? out;
    else if (flag === "--keep") keep = true;
    else if (flag === "--no-dev") dev = false;
    else if (flag === "--profile") profile = true;
    else if (/^\d+$/.test(argument)) sizes.push(integer("a size", argument));
    else {
      throw new Error(
        `unknown argument "${argument}". Usage: npm run bench -- [sizes...] [--repeat N] [--seed N] [--no-dev] [--profile] [--keep] [--out DIR]`,
      );
    }
  }
  const chosen = sizes.length > 0 ? sizes : [100, 1000, 4000];
  return { sizes: chosen, repeat, seed, keep, dev, out, profile };
}
