/**
 * Starts headless Chromium with a DevTools port for Lighthouse, with the flags this machine's
 * closed network needs (CHROMIUM_FLAGS in ../browser.ts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CHROMIUM_FLAGS } from "../browser.ts";

/** The shared flags, plus two that keep an audited browser quiet. */
const AUDIT_FLAGS: readonly string[] = [
  ...CHROMIUM_FLAGS,
  "--no-default-browser-check",
  "--mute-audio",
];

export interface Chromium {
  /** The DevTools port Lighthouse connects to. */
  readonly port: number;
  close(): Promise<void>;
}

/** Launches Chromium at `executable` and waits until its DevTools endpoint is listening. */
export async function startChromium(executable: string): Promise<Chromium> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "broadsheet-audit-chromium-"));
  const child: ChildProcess = spawn(
    executable,
    [...AUDIT_FLAGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = "";
    let found = false;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`Chromium did not open its DevTools port within 30 s:\n${output}`));
    }, 30_000);
    // Keeps reading stderr to the end, so Chromium never blocks on a full pipe.
    child.stderr?.on("data", (chunk: Buffer) => {
      if (found) return;
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match?.[1]) {
        found = true;
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited with code ${code}:\n${output}`));
    });
  });
  return {
    port,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill();
        await exited;
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
