import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { locate, rangeOf, valueNode } from './frontmatter';
import type { Frontmatter, Located, Range } from './types';

/** Why a control is included in the Statement of Applicability. */
export const INCLUSION_KINDS = ['risk', 'legal', 'contract', 'business'] as const;
export type InclusionKind = (typeof INCLUSION_KINDS)[number];

export interface InclusionReason {
  kind: InclusionKind;
  reference: Located;
}

/** One entry of an SoA document's `applicability`: a control, objective or category with why, who and how far. */
export interface ApplicabilityEntry {
  /** The control, objective or category id as written. */
  control?: Located;
  reasons: InclusionReason[];
  owner?: Located;
  status?: Located;
  evidence: Located[];
  range: Range;
}

/** The `applicability` entries with each part's range; entries that are not mappings are left to frontmatter-schema. */
export function applicabilityItems(frontmatter: Frontmatter | undefined): ApplicabilityEntry[] {
  const node = valueNode(frontmatter, 'applicability');
  if (!node || !isSeq(node)) return [];
  const base = frontmatter!.contentRange.start;
  const scalar = (value: unknown): Located | undefined => (isScalar(value) && value.value !== null && value.value !== '' ? locate(value, base) : undefined);
  const scalars = (value: unknown): Located[] => (isSeq(value) ? value.items.map(scalar).filter((item): item is Located => item !== undefined) : []);
  return node.items.filter((item): item is YAMLMap => isMap(item)).map((item) => ({
    control: scalar(item.get('control', true)),
    reasons: reasonsOf(item.get('reasons', true), base),
    owner: scalar(item.get('owner', true)),
    status: scalar(item.get('status', true)),
    evidence: scalars(item.get('evidence', true)),
    range: rangeOf(item as Node, base),
  }));
}

/** `reasons: [{risk: R-12}, {legal: GDPR Art. 32}]`: each mapping's known kind with its reference. */
function reasonsOf(value: unknown, base: number): InclusionReason[] {
  if (!isSeq(value)) return [];
  return value.items.flatMap((item) => {
    if (!isMap(item)) return [];
    return item.items.flatMap((pair) => {
      const kind = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!(INCLUSION_KINDS as readonly string[]).includes(kind) || !isScalar(pair.value) || pair.value.value === null || pair.value.value === '') return [];
      return [{ kind: kind as InclusionKind, reference: locate(pair.value as Node, base) }];
    });
  });
}

/** The key of an `applicability` entry or reason under an offset, as `applicability.status` or `applicability.reasons.risk`. */
export function applicabilityKeyAt(frontmatter: Frontmatter | undefined, offset: number): { key: string; range: Range } | undefined {
  const node = valueNode(frontmatter, 'applicability');
  if (!node || !isSeq(node)) return undefined;
  const base = frontmatter!.contentRange.start;
  const keyAt = (map: YAMLMap, prefix: string): { key: string; range: Range } | undefined => {
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const range = rangeOf(pair.key as Node, base);
      if (range.start <= offset && offset <= range.end) return { key: `${prefix}.${String(pair.key.value)}`, range };
      if (String(pair.key.value) === 'reasons' && isSeq(pair.value)) {
        for (const reason of pair.value.items) {
          const found = isMap(reason) ? keyAt(reason, `${prefix}.reasons`) : undefined;
          if (found) return found;
        }
      }
    }
    return undefined;
  };
  for (const item of node.items) {
    const found = isMap(item) ? keyAt(item, 'applicability') : undefined;
    if (found) return found;
  }
  return undefined;
}
