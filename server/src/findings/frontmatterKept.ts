import { isDeepStrictEqual } from 'node:util';
import type { Frontmatter } from '../document/types';
import type { TextEdit } from './types';

/**
 * Whether edits left the frontmatter whole: it still parses as a mapping, and every key keeps its
 * value, except a key or value an edit replaced (a rename, an enum or clause id put right) and a list
 * that only grew (ids added to `clauses`). A document without frontmatter may gain one that parses.
 * A frontmatter that did not parse before is not judged: no fix edits one.
 */
export function frontmatterKept(before: Frontmatter | undefined, after: Frontmatter | undefined, edits: TextEdit[]): boolean {
  if (!before) return after === undefined || after.data !== undefined;
  if (!before.data) return true;
  if (!after?.data) return false;
  const replacements = edits.filter((edit) => edit.range.end > edit.range.start);
  for (const key of Object.keys(before.data)) {
    const field = before.fields.get(key);
    const replaced = field !== undefined && replacements.some((edit) => edit.range.start < Math.max(field.valueRange.end, field.keyRange.end) && edit.range.end > field.keyRange.start);
    if (replaced) continue;
    if (!(key in after.data) || !(isDeepStrictEqual(before.data[key], after.data[key]) || grew(before.data[key], after.data[key]))) return false;
  }
  return true;
}

/** A list that keeps what it held first (or a value that was empty or a single item) and has more after it. */
function grew(was: unknown, now: unknown): boolean {
  if (!Array.isArray(now)) return false;
  if (was === null || was === undefined || was === '') return true;
  const kept = Array.isArray(was) ? was : [was];
  return kept.length <= now.length && kept.every((item, index) => isDeepStrictEqual(item, now[index]));
}
