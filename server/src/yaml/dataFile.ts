import { yamlSyntaxProblems } from './syntaxErrors';
import type { ValidateFunction } from 'ajv';
import { LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { didYouMean } from '../text/similar';
import { nodeAt, lineColumn } from './locate';
import { DataFileError, type SourceProblem } from './problem';
import { isKeyLike, isNoise, schemaErrorPlace, schemaMessage } from './schemaMessage';

/** A YAML (or JSON) data file read with positions, validated against a JSON Schema. */
export interface DataFile<T> {
  file: string;
  doc: Document;
  counter: LineCounter;
  data: T;
  /** With `dropInvalid`: the problems whose part of the file was left out of `data` (none otherwise). */
  dropped: SourceProblem[];
  /** A problem placed at the node (or its key) at a path. */
  problemAt(path: (string | number)[], message: string, atKey?: boolean): SourceProblem;
}

/** Aliases are data-only conveniences here; a small limit stops "billion laughs" expansion. */
const MAX_ALIAS_COUNT = 50;

/**
 * Parses and validates; throws DataFileError listing every syntax or schema problem with its line.
 * `kind` names the file in messages ("catalog", "config"). With `empty`, a file holding nothing (blank
 * or only comments) reads as that value instead of being refused as null.
 */
export function readDataFile<T>(text: string, file: string, validate: ValidateFunction, kind: string, options: { dropInvalid?: boolean; empty?: T } = {}): DataFile<T> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const problemAt = (path: (string | number)[], message: string, atKey = false): SourceProblem => {
    const { node, key } = nodeAt(doc, path);
    const target = (atKey ? key : node) ?? node;
    const offset = (target as Node | undefined)?.range?.[0] ?? 0;
    return { file, ...lineColumn(counter, offset), message };
  };
  if (doc.errors.length > 0) {
    throw new DataFileError(
      kind,
      yamlSyntaxProblems(text, doc.errors).map((problem) => ({ file, ...lineColumn(counter, problem.start), message: `YAML syntax: ${withoutForeignText(problem.message)}` })),
    );
  }
  let data: unknown;
  try {
    data = doc.contents === null && options.empty !== undefined ? options.empty : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new DataFileError(kind, [{ file, line: 1, column: 1, message: `cannot read the ${kind}: ${(error as Error).message}` }]);
  }
  if (!validate(data)) {
    const known = Object.keys((validate.schema as { properties?: Record<string, unknown> }).properties ?? {});
    if (isForeign(data, known)) {
      throw new DataFileError(kind, [{ file, line: 1, column: 1, message: `this is not a Clausewise ${kind}: none of its keys is one a ${kind} has (${known.join(', ')}); check the path that names it` }]);
    }
    const errors = (validate.errors ?? []).filter((error) => !isNoise(error));
    const problems = errors.map((error) => {
      const place = schemaErrorPlace(error);
      return problemAt(place.path, schemaMessage(error, 'the file', 'keys'), place.atKey);
    });
    // A key or value that is wrong can be left out and the rest used, when what remains is valid.
    const places = errors.map((error) => schemaErrorPlace(error).path);
    if (options.dropInvalid && places.every((path) => path.length > 0)) {
      const kept = dropPaths(data, places);
      if (validate(kept)) return { file, doc, counter, data: kept as T, dropped: dedupe(problems), problemAt };
    }
    throw new DataFileError(kind, dedupe(problems));
  }
  return { file, doc, counter, data: data as T, dropped: [], problemAt };
}

/** A copy of data without the values at these paths (array items removed, later indexes first). */
export function dropPaths(data: unknown, paths: (string | number)[][]): unknown {
  const copy = structuredClone(data);
  const byDepthThenIndex = [...paths].sort((a, b) => b.length - a.length || Number(b.at(-1)) - Number(a.at(-1)) || 0);
  for (const path of byDepthThenIndex) {
    let parent: unknown = copy;
    for (const step of path.slice(0, -1)) parent = parent && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[step] : undefined;
    const last = path.at(-1)!;
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else if (parent && typeof parent === 'object') delete (parent as Record<string | number, unknown>)[last];
  }
  return copy;
}

/** A message with any quoted text that is not key-like left out (the file may not be ours). */
function withoutForeignText(message: string): string {
  return message.replace(/"([^"]*)"/g, (quoted, inner: string) => (isKeyLike(inner) ? quoted : '"…"'));
}

/**
 * A mapping with none of the schema's keys (nor a near miss) is some other file (a secrets file, /etc/shadow): its
 * problems are not listed one by one, since that would repeat its keys.
 */
function isForeign(data: unknown, known: string[]): boolean {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || known.length === 0) return false;
  const keys = Object.keys(data);
  return keys.length > 0 && !keys.some((key) => known.includes(key) || didYouMean(key, known) !== '');
}

function dedupe(problems: SourceProblem[]): SourceProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.line}:${problem.column}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
