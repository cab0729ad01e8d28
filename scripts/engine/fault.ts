/**
 * Fault injection, for tests only: `BROADSHEET_FAULT` makes a build fail on purpose at one step
 * of its publish, so a test can prove that whatever step a kill or a full disk lands on, the next
 * build puts `_site/` right. Every file-system change the publish makes (each file staged, each
 * state chunk written, the journal, each rename into `_site/`, each removal, the fresh swap,
 * `state.json`, the journal's removal, each stale chunk and pack deleted) passes through
 * {@link faultPoint}, which counts it:
 *
 * - `BROADSHEET_FAULT=kill:<n>`: the build SIGKILLs itself just before step n (nothing of it is
 *   done, nothing cleans up: as a power cut or `kill -9` would leave things);
 * - `BROADSHEET_FAULT=enospc:<n>`: step n fails as a full disk makes it fail (`ENOSPC`);
 * - `BROADSHEET_FAULT=kill:<n>:<prefix>` (or `enospc:...`): the same at the n-th step whose
 *   label starts with `<prefix>` (`kill:3:rename` stops before the third rename into `_site/`);
 * - `BROADSHEET_FAULT=count`: every step is printed to stderr as `fault-step <n> <label>`.
 *
 * Unset (always, outside tests), a step costs one comparison.
 */

/** What the variable asks for. */
type Fault =
  | { readonly kind: "none" }
  | { readonly kind: "count" }
  | { readonly kind: "kill" | "enospc"; readonly at: number; readonly prefix: string };

/** Reads `BROADSHEET_FAULT`; anything it does not understand is an error, not silently nothing. */
export function parseFault(value: string | undefined): Fault {
  if (value === undefined || value === "") return { kind: "none" };
  if (value === "count") return { kind: "count" };
  const match = /^(kill|enospc):(\d+)(?::(.+))?$/.exec(value);
  if (!match) {
    throw new Error(
      `BROADSHEET_FAULT="${value}" is not understood: use kill:<n>, enospc:<n> (with :<label prefix>, optionally) or count (tests only).`,
    );
  }
  return { kind: match[1] as "kill" | "enospc", at: Number(match[2]), prefix: match[3] ?? "" };
}

const fault = parseFault(process.env.BROADSHEET_FAULT);
let steps = 0;

/** An error as the file system gives it when the disk is full. */
export function diskFullError(label: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(
    `ENOSPC: no space left on device (injected at step ${steps}: ${label})`,
  );
  error.code = "ENOSPC";
  error.syscall = "write";
  return error;
}

/** Marks the next file-system step of the publish; `label` names it for `count`. */
export function faultPoint(label: string): void {
  if (fault.kind === "none") return;
  if (fault.kind === "count") {
    steps++;
    process.stderr.write(`fault-step ${steps} ${label}\n`);
    return;
  }
  if (!label.startsWith(fault.prefix)) return;
  steps++;
  if (steps !== fault.at) return;
  if (fault.kind === "kill") process.kill(process.pid, "SIGKILL");
  throw diskFullError(label);
}
