import { applicabilityItems, applicabilityKeyAt } from './applicability';
import { exclusionItems, listItems, scalarField } from './frontmatter';
import type { Located, PolicyDocument, Range } from './types';

/** Something an editor feature can act on at a place in a document. */
export type DocumentTarget =
  | { kind: 'clause'; source: string; range: Range; place: 'clauses' | 'excludes' | 'applicability' | 'mention' }
  | { kind: 'key'; key: string; range: Range }
  | { kind: 'document-id'; id: string; range: Range; place: 'id' | 'related' };

/** What sits at an offset (a cursor just after a token still counts): a clause id, a frontmatter key or a document id. */
export function targetAt(document: PolicyDocument, offset: number): DocumentTarget | undefined {
  const frontmatter = document.frontmatter;
  const inside = (range: Range) => range.start <= offset && offset <= range.end;
  if (frontmatter && offset < frontmatter.range.end) {
    const located = (items: Located[]) => items.find((item) => inside(item.range));
    const claim = located(listItems(frontmatter, 'clauses'));
    if (claim) return { kind: 'clause', source: claim.source, range: claim.range, place: 'clauses' };
    const excluded = located(exclusionItems(frontmatter).flatMap((exclusion) => (exclusion.clause ? [exclusion.clause] : [])));
    if (excluded) return { kind: 'clause', source: excluded.source, range: excluded.range, place: 'excludes' };
    const entry = located(applicabilityItems(frontmatter).flatMap((item) => (item.control ? [item.control] : [])));
    if (entry) return { kind: 'clause', source: entry.source, range: entry.range, place: 'applicability' };
    const entryKey = applicabilityKeyAt(frontmatter, offset);
    if (entryKey) return { kind: 'key', ...entryKey };
    const related = located(listItems(frontmatter, 'related'));
    if (related) return { kind: 'document-id', id: related.value, range: related.range, place: 'related' };
    const id = scalarField(frontmatter, 'id');
    if (id && inside(id.range)) return { kind: 'document-id', id: id.value, range: id.range, place: 'id' };
    for (const field of frontmatter.fields.values()) {
      if (inside(field.keyRange)) return { kind: 'key', key: field.key, range: field.keyRange };
    }
    return undefined;
  }
  const mention = document.mentions.find((item) => inside(item.range));
  return mention ? { kind: 'clause', source: mention.id, range: mention.range, place: 'mention' } : undefined;
}
