/**
 * The web fonts as the site publishes them: cut to the weights the stylesheets use, with every
 * character of each file's `unicode-range` still drawn, and the stylesheets using no weight
 * outside the cut.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, test } from "node:test";
import { convert } from "fontverter";
import * as hb from "harfbuzzjs";
import { charactersOf } from "../../scripts/site/font-instance.ts";
import { fontFiles, TYPE_DEFAULTS } from "../../scripts/site/fonts.ts";

const require = createRequire(import.meta.url);
const REPO = path.resolve(import.meta.dirname, "../..");

/** The code points a WOFF2 file maps, and its weight axis. */
async function inspect(woff2: Buffer): Promise<{ points: Set<number>; wght?: hb.AxisInfo }> {
  const face = new hb.Face(new hb.Blob(await convert(woff2, "truetype")));
  return { points: new Set(face.collectUnicodes()), wght: face.getAxisInfos().wght };
}

const NAMED_WEIGHTS: Readonly<Record<string, number>> = { normal: 400, bold: 700 };

describe("web fonts", () => {
  test("a unicode-range's characters are read as CSS reads them", () => {
    assert.equal(charactersOf("U+0041-0043,U+00E9"), "ABCé");
    assert.equal([...charactersOf("U+4??")].length, 256);
    assert.throws(() => charactersOf("latin"), /not a unicode-range: latin/);
  });

  test("every font-weight in the stylesheets is within the weights the fonts are cut to", () => {
    const css = path.join(REPO, "assets/css");
    for (const name of readdirSync(css).filter((file) => file.endsWith(".css"))) {
      const text = readFileSync(path.join(css, name), "utf8");
      for (const [, value] of text.matchAll(/font-weight:\s*([a-z0-9]+)/g)) {
        assert.ok(value, name);
        assert.notEqual(value, "lighter", `${name}: a relative weight cannot be checked`);
        assert.notEqual(value, "bolder", `${name}: a relative weight cannot be checked`);
        const weight = NAMED_WEIGHTS[value] ?? Number(value);
        for (const family of TYPE_DEFAULTS.families)
          assert.ok(
            weight >= family.weights.min && weight <= family.weights.max,
            `${name} uses font-weight ${value}, outside ${family.family}'s ${family.weights.min}-${family.weights.max}: widen SITE_WEIGHTS in scripts/site/fonts.ts`,
          );
      }
    }
  });

  test("each published file keeps its package file's characters and the site's weights, in fewer bytes", async () => {
    const files = await fontFiles();
    assert.equal(files.length, 6);
    for (const file of files) {
      const family = TYPE_DEFAULTS.families.find((spec) => spec.family === file.family);
      assert.ok(family);
      const source = readFileSync(
        path.join(
          path.dirname(require.resolve(`${family.packageName}/package.json`)),
          "files",
          file.name,
        ),
      );
      const [before, after] = [await inspect(source), await inspect(file.bytes)];
      const range = new Set([...charactersOf(file.unicodeRange)].map((c) => c.codePointAt(0)));
      const lost = [...before.points].filter(
        (point) => range.has(point) && !after.points.has(point),
      );
      assert.deepEqual(lost, [], `${file.name} lost characters of its range`);
      // Cut to the site's weights, or kept whole where cutting saved nothing.
      const wght = after.wght;
      assert.ok(
        wght && wght.min <= family.weights.min && wght.max >= family.weights.max,
        file.name,
      );
      assert.equal(file.weights, `${family.weights.min} ${family.weights.max}`);
      assert.ok(file.bytes.length <= source.length, `${file.name}: ${file.bytes.length} bytes`);
      if (file.critical)
        assert.ok(file.bytes.length < 0.75 * source.length, `${file.name} was not cut`);
    }
  });

  test("a cut is the same bytes every time, from the cache or not", async () => {
    const first = await fontFiles();
    const cache = path.join(REPO, ".cache/fonts");
    const { rmSync } = await import("node:fs");
    rmSync(cache, { recursive: true, force: true });
    const again = await fontFiles();
    assert.deepEqual(
      again.map((file) => file.bytes.toString("base64")),
      first.map((file) => file.bytes.toString("base64")),
    );
  });
});
