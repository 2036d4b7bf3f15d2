import { isMap, isSeq, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';

/** Byte range [start, end) of a YAML node, or undefined. */
export type Range = [number, number];

/** Splits an ajv/JSON-pointer instance path ("/categories/0/title") into keys. */
export function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key));
}

/**
 * The node at a path, and the key node of its last step when the parent is a map
 * (so "unknown key" problems can point at the key rather than its value).
 */
export function nodeAt(doc: Document, path: (string | number)[]): { node?: Node; key?: Node } {
  let current: unknown = doc.contents;
  let key: Node | undefined;
  for (const step of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) return { node: current as Node, key };
      key = pair.key as Node;
      current = pair.value;
    } else if (isSeq(current) && typeof step === 'number') {
      key = undefined;
      current = current.items[step];
    } else {
      break;
    }
  }
  return { node: (current ?? undefined) as Node | undefined, key };
}

/** 1-based line and column of an offset. */
export function lineColumn(counter: LineCounter, offset: number): { line: number; column: number } {
  const pos = counter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
