/**
 * The site's icons kept between builds (scripts/site/icons.ts): a kept set is the same bytes as
 * a fresh one, a damaged entry is drawn again, and another logo or another version of the code
 * that draws them is never served what was kept.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { sha256 } from "../../scripts/engine/hashing.ts";
import { keptLogoIcons, type LogoIcons, makeLogoIcons } from "../../scripts/site/icons.ts";
import { REPO_ROOT } from "../helpers/fixture-site.ts";

const KEPT_DIR = path.join(REPO_ROOT, ".cache/icons");

const square = (fill: string) =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="${fill}"/></svg>`,
  );

function bytesOf(icons: LogoIcons): string[] {
  return [icons.appleTouch, ...icons.manifest, ...icons.ico].map((png) => sha256(png));
}

/** The kept files written since `since` (ms). */
function keptSince(since: number): string[] {
  return readdirSync(KEPT_DIR)
    .map((name) => path.join(KEPT_DIR, name))
    .filter((file) => statSync(file).mtimeMs >= since);
}

describe("the site's icons, kept between builds", () => {
  test("are the bytes a fresh drawing gives, kept or drawn again after damage", async () => {
    // A version of its own: no other test or build shares these entries.
    const version = randomBytes(8).toString("hex");
    const logo = square("#7a1f1f");
    const fresh = await makeLogoIcons(logo);
    const started = Date.now() - 1;
    const first = await keptLogoIcons(logo, version);
    assert.deepEqual(bytesOf(first), bytesOf(fresh));
    assert.deepEqual(first.size, { width: 64, height: 64 });
    const [file] = keptSince(started);
    assert.ok(file, "the icons were kept");
    const kept = await keptLogoIcons(logo, version);
    assert.deepEqual(bytesOf(kept), bytesOf(fresh));
    // Garbage in the middle of the kept entry: drawn again, the same bytes.
    writeFileSync(file, "broadsheet kept 1 0000\n{not json");
    const healed = await keptLogoIcons(logo, version);
    assert.deepEqual(bytesOf(healed), bytesOf(fresh));
  });

  test("are never another logo's, nor those of another version of the code", async () => {
    const version = randomBytes(8).toString("hex");
    const red = await keptLogoIcons(square("#aa0000"), version);
    const blue = await keptLogoIcons(square("#0000aa"), version);
    assert.notDeepEqual(bytesOf(blue), bytesOf(red));
    assert.deepEqual(bytesOf(blue), bytesOf(await makeLogoIcons(square("#0000aa"))));
    // The same logo under a new maker version is drawn again (the same bytes here, as the code
    // did not really change): what matters is that the entry kept for the old one is not read.
    const started = Date.now() - 1;
    await keptLogoIcons(square("#aa0000"), `${version}-next`);
    assert.equal(keptSince(started).length, 1, "a new entry was written for the new version");
  });
});
