/**
 * The seed's stand-in photos are painted by `scripts/cli/stand-in-media.ts`, deterministically:
 * painting them again must give the committed files byte for byte, or regenerating would show up
 * as a change to the seed's pictures. (About 15 s on 2 cores: two large scenes are painted.)
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { REPO_ROOT } from "../helpers/fixture-site.ts";
import { SEED_PHOTO, SEED_THUMBNAIL } from "./support.ts";

function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

describe("stand-in media", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "broadsheet-stand-in-"));
  after(() => rmSync(folder, { recursive: true, force: true }));

  it("paints photo.jpg and video-thumbnail.jpg identical to the seed's committed files", () => {
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", path.join(REPO_ROOT, "scripts/cli/stand-in-media.ts"), folder],
      { cwd: REPO_ROOT, encoding: "utf8", timeout: 180_000 },
    );
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.equal(sha256(path.join(folder, "photo.jpg")), sha256(SEED_PHOTO), "photo.jpg");
    assert.equal(
      sha256(path.join(folder, "video-thumbnail.jpg")),
      sha256(SEED_THUMBNAIL),
      "video-thumbnail.jpg",
    );
  });
});
