import type { Catalog } from '../catalog/catalog';
import { normalizeClauseId } from '../catalog/clauseId';
import { exclusionItems, listItems } from '../document/frontmatter';
import { positionAt } from '../document/lines';
import type { Located, PolicyDocument, Range } from '../document/types';
import { applyFixes } from '../findings/applyFixes';
import type { TextEdit } from '../findings/types';
import { eol, insertAt, replaceRange, yamlClauseId } from '../rules/edits';

/** One exclusion as migrated: the ids it named and now names, and what it keeps. */
export interface MigratedExclusion {
  from: string;
  to: string[];
  justification?: string;
  until?: string;
  /** Why an author should look at it: the control is also claimed, or excluded twice. */
  note?: string;
}

/** A body reference to an earlier id, left for the author to review. */
export interface ReviewedMention {
  text: string;
  line: number;
  to: string[];
}

/** What migrating one document changes, and what it reports. */
export interface MigrationPlan {
  path: string;
  /** The text after migration (the same text when nothing changes or the rewrite was refused). */
  text: string;
  before: string[];
  after: string[];
  /** Each earlier id and the ids it became. */
  mapped: { from: string; to: string[] }[];
  /** Ids that are neither an earlier id nor a control of the catalog: kept as they are. */
  unknown: string[];
  exclusions: MigratedExclusion[];
  mentions: ReviewedMention[];
  /** Why the frontmatter was not rewritten (the author must do it by hand). */
  refused?: string;
}

/**
 * Plans the migration of one document's `clauses` and `excludes` to a catalog that records the earlier
 * edition's ids (maps.iso27002_2013): merges collapse into one id, a split yields all its ids, duplicates
 * go, order stays. Every edit lies inside the frontmatter; the body is never touched.
 */
export function planMigration(document: PolicyDocument, catalog: Catalog): MigrationPlan {
  const frontmatter = document.frontmatter;
  const claims = listItems(frontmatter, 'clauses');
  const unknown: string[] = [];
  const mapped: MigrationPlan['mapped'] = [];
  const successorIds = (source: string): string[] => {
    const id = normalizeClauseId(source) ?? source;
    const successors = catalog.successors(id).map((control) => control.id);
    if (successors.length > 0) {
      if (!mapped.some((entry) => entry.from === id)) mapped.push({ from: id, to: successors });
      return successors;
    }
    if (!catalog.control(id) && !unknown.includes(id)) unknown.push(id);
    return [id];
  };
  const before = claims.map((claim) => normalizeClauseId(claim.source) ?? claim.source);
  const after = [...new Set(claims.flatMap((claim) => successorIds(claim.source)))];
  const plan: MigrationPlan = { path: document.path, text: document.text, before, after, mapped, unknown, exclusions: [], mentions: mentionsToReview(document, catalog) };
  if (!frontmatter) return plan;
  const edits: TextEdit[] = [];
  const refuse = (why: string) => ({ ...plan, refused: why });
  if (before.join() !== after.join()) {
    const field = frontmatter.fields.get('clauses')!;
    const edit = listEdit(document, field.valueRange, claims, after);
    if (typeof edit === 'string') return refuse(edit);
    edits.push(edit);
  }
  const excluded = new Map<string, string>();
  for (const item of exclusionItems(frontmatter)) {
    if (!item.clause) continue;
    const from = normalizeClauseId(item.clause.source) ?? item.clause.source;
    const to = successorIds(item.clause.source);
    const notes = [
      ...to.filter((id) => after.includes(id)).map((id) => `${id} is also claimed in this document; drop the claim or the exclusion`),
      ...to.filter((id) => excluded.has(id)).map((id) => `${id} is already excluded through ${excluded.get(id)}; keep one exclusion`),
    ];
    for (const id of to) if (!excluded.has(id)) excluded.set(id, from);
    plan.exclusions.push({ from, to, justification: item.justification?.value, until: item.until?.value, ...(notes.length ? { note: notes.join('; ') } : {}) });
    if (to.length === 1 && to[0] === from) continue;
    const edit = exclusionEdits(document, frontmatter.fields.get('excludes')!.valueRange, item.clause, item.range, to);
    if (typeof edit === 'string') return refuse(edit);
    edits.push(...edit);
  }
  if (edits.length === 0) return plan;
  const outside = edits.find((edit) => edit.range.start < frontmatter.contentRange.start || edit.range.end > frontmatter.contentRange.end);
  if (outside) return refuse('an edit would fall outside the frontmatter (please report this)');
  return { ...plan, text: applyFixes(document.text, [{ title: 'migrate', edits, automatic: true }]).text };
}

function quoteOf(document: PolicyDocument, item: Located | undefined): string | undefined {
  const first = item ? document.text[item.range.start] : undefined;
  return first === '"' || first === "'" ? first : undefined;
}

/** A YAML node's range without the line breaks and spaces a block collection's range ends with. */
function trimmed(document: PolicyDocument, range: Range): Range {
  const text = document.text.slice(range.start, range.end);
  return { start: range.start, end: range.start + text.trimEnd().length };
}

/** The new `clauses` value in the style of the old one: a flow list, a single scalar, or a block list. */
function listEdit(document: PolicyDocument, whole: Range, items: Located[], ids: string[]): TextEdit | string {
  const range = trimmed(document, whole);
  const old = document.text.slice(range.start, range.end);
  if (old.includes('#')) return 'its clauses list holds comments; rewrite the ids by hand';
  const quote = quoteOf(document, items[0]);
  const values = ids.map((id) => yamlClauseId(id, quote));
  if (!old.startsWith('-')) return replaceRange(range, ids.length === 1 && !old.startsWith('[') ? values[0]! : `[${values.join(', ')}]`);
  const lineStart = document.text.lastIndexOf('\n', range.start - 1) + 1;
  const indent = document.text.slice(lineStart, range.start);
  if (indent.trim() !== '') return 'its clauses list does not start on a line of its own; rewrite the ids by hand';
  return replaceRange(range, values.map((value) => `- ${value}`).join(`${eol(document)}${indent}`));
}

/** The exclusion's clause rewritten; a split repeats the whole entry (justification and until) once per further id. */
function exclusionEdits(document: PolicyDocument, listRange: Range, clause: Located, item: Range, ids: string[]): TextEdit[] | string {
  const itemRange = trimmed(document, item);
  const quote = quoteOf(document, clause);
  const edits: TextEdit[] = [replaceRange(clause.range, yamlClauseId(ids[0]!, quote))];
  if (ids.length === 1) return edits;
  if (document.text[listRange.start] !== '-') return `its exclusion of ${clause.source} becomes ${ids.join(' and ')}, which a flow-style excludes list cannot take automatically; write one entry per id`;
  const lineStart = document.text.lastIndexOf('\n', itemRange.start - 1) + 1;
  const entry = document.text.slice(lineStart, itemRange.end);
  const offset = clause.range.start - lineStart;
  const length = clause.range.end - clause.range.start;
  for (const id of ids.slice(1)) {
    edits.push(insertAt(itemRange.end, `${eol(document)}${entry.slice(0, offset)}${yamlClauseId(id, quote)}${entry.slice(offset + length)}`));
  }
  return edits;
}

/** References in the body to ids of the earlier edition ("ISO 27799 9.4.2", "§9.4.2"), with what they became. */
function mentionsToReview(document: PolicyDocument, catalog: Catalog): ReviewedMention[] {
  return document.mentions.flatMap((mention) => {
    const to = catalog.successors(mention.id).map((control) => control.id);
    if (to.length === 0) return [];
    return [{ text: mention.text, line: positionAt(document.lineStarts, mention.range.start).line + 1, to }];
  });
}
