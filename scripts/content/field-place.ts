/**
 * Where a field was written in a file, read again from it: a mistake found after loading (an
 * author, a pick, a fill's topic) is placed at its line and column. Reading again costs nothing
 * on a build without mistakes.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { readSource } from "./parse-front-matter.ts";
import { isIssue } from "./source-file.ts";
import { type ParsedYaml, type Position, parseYaml } from "./yaml.ts";

/**
 * The front matter of an article or live update, read again from its file (to place a mistake,
 * or to read a file that did not load), or undefined when it cannot be read as YAML.
 */
export function readFrontMatter(root: string, sourcePath: string): ParsedYaml | undefined {
  try {
    const source = readSource(readFileSync(path.join(root, sourcePath)), sourcePath);
    if (isIssue(source)) return undefined;
    const yaml = parseYaml(source.yaml, sourcePath, source.yamlLine);
    return Array.isArray(yaml) ? undefined : yaml;
  } catch {
    return undefined;
  }
}

/** Where a front-matter field of an article was written, read from its file. */
export function locateInArticle(
  root: string,
  sourcePath: string,
  field: readonly PropertyKey[],
): Position | undefined {
  return readFrontMatter(root, sourcePath)?.locate(field);
}

/** Where a field of a YAML file (an author profile, a front) was written, read from the file. */
export function locateInYamlFile(
  root: string,
  sourcePath: string,
  field: readonly PropertyKey[],
): Position | undefined {
  try {
    const yaml = parseYaml(readFileSync(path.join(root, sourcePath), "utf8"), sourcePath, 1);
    return Array.isArray(yaml) ? undefined : yaml.locate(field);
  } catch {
    return undefined;
  }
}
