/**
 * Finds and launches the browser for the browser tests and `npm run audit`: Debian's chromium,
 * or CHROME_PATH. Playwright's own browser download cannot work on a closed network.
 */
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

/**
 * Chromium's flags for a machine whose network reaches nothing: without the background-networking
 * flags it tries Google's hosts at every start, and those requests fail.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches headless Chromium through playwright-core. */
export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS] });
}
