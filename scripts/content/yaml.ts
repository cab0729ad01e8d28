import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
  type YAMLError,
} from "yaml";
import type { ContentIssue } from "./issues.ts";
import { yamlIssues } from "./yaml-problems.ts";

/** A position in the source file, 1-based. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** YAML parsed into plain data, with a way back from a field's path to where it was written. */
export interface ParsedYaml {
  readonly data: unknown;
  /** Where the value (or, with `key`, the key) at `path` was written, if it was. */
  locate(path: readonly PropertyKey[], part?: "key" | "value"): Position | undefined;
}

/**
 * Parses YAML with the 1.2 core schema: no timestamp type (js-yaml's silently rolls impossible
 * dates over), no executable tags, duplicate keys refused. `firstLine` is the file line the
 * YAML starts on, so every position reported is a line of the file the editor has open.
 */
export function parseYaml(
  text: string,
  file: string,
  firstLine: number,
): ParsedYaml | ContentIssue[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    schema: "core",
    uniqueKeys: true,
    merge: false,
    lineCounter,
    prettyErrors: true,
  });
  const toPosition = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return yamlIssues({ text, file, firstLine, locate: toPosition }, problems, (problem) =>
      openingQuote(doc, problem),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    // toJS throws, instead of reporting, on an alias with no anchor (`title: *Exclusive* talks`
    // reads as one) and on alias bombs: one editor's typo must not crash the whole build.
    const position = toPosition(badAlias(doc) ?? 0);
    return [
      {
        file,
        line: position.line,
        column: position.column,
        message: `The front matter is not valid YAML: ${firstSentence(error instanceof Error ? error.message : String(error))}`,
        fix: 'A value starting with * or & is read as a YAML reference: put it in quotes, e.g. title: "*Exclusive* talks".',
      },
    ];
  }
  return {
    data,
    locate(path, part = "value") {
      let node: unknown = doc.contents;
      let keyNode: Node | undefined;
      for (const step of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => isPair(item) && isScalar(item.key) && item.key.value === step,
          );
          if (!pair) return positionOf(node, toPosition);
          keyNode = pair.key as Node;
          node = pair.value;
        } else if (isSeq(node) && typeof step === "number") {
          keyNode = undefined;
          node = node.items[step];
        } else {
          break;
        }
      }
      const target = part === "key" && keyNode ? keyNode : (node ?? keyNode);
      return positionOf(target, toPosition) ?? positionOf(keyNode, toPosition);
    },
  };
}

/**
 * Where an unclosed quote was opened. A quoted YAML value may run over several lines, so the
 * parser only notices the missing mark at the end of the front matter: the editor needs the
 * line the quote starts on instead.
 */
function openingQuote(doc: Document, problem: YAMLError): number | undefined {
  if (problem.code !== "MISSING_CHAR") return undefined;
  const at = problem.pos[0];
  let start: number | undefined;
  visit(doc, {
    Scalar(_, node) {
      const range = node.range;
      if (
        (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") &&
        range &&
        range[0] < at &&
        at <= range[2]
      ) {
        start = range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return start;
}

/** Where the first alias that names no anchor is, or else the first alias (an alias bomb). */
function badAlias(doc: Document): number | undefined {
  let first: number | undefined;
  let unresolved: number | undefined;
  visit(doc, {
    Alias(_, node) {
      first ??= node.range?.[0];
      if (node.resolve(doc) === undefined) {
        unresolved = node.range?.[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return unresolved ?? first;
}

function positionOf(node: unknown, toPosition: (offset: number) => Position): Position | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range ? toPosition(range[0]) : undefined;
}

function firstSentence(message: string): string {
  // The yaml package appends a code frame after a blank line; the reporter prints its own.
  const head = message.split("\n")[0] ?? message;
  return head.replace(/ at line \d+, column \d+:?$/, "").trim();
}
