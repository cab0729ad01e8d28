/** Finds and launches the browser for browser tests: Debian's chromium, or CHROME_PATH. */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Where the browser is, if anywhere. */
export function browserPath(): string | undefined {
  const candidates = [
    process.env.CHROME_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  return candidates.find((candidate): candidate is string =>
    Boolean(candidate && existsSync(candidate)),
  );
}

/** The message shown when no browser is found. */
export const MISSING_BROWSER =
  "No Chromium found. Install Debian's: `apt-get update && apt-get install -y chromium`, " +
  "or set CHROME_PATH to a Chromium or Chrome binary. (With CI=true a missing browser fails the run.)";

/** Launches headless Chromium with the flags this machine's closed network needs. */
export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
