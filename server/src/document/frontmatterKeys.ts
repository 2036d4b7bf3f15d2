import frontmatterSchema from '../../../controls/schema/frontmatter.schema.json';

/** What the frontmatter schema says about one key: the single source for completion and hover. */
export interface FrontmatterKeyInfo {
  key: string;
  description: string;
  /** Allowed values, for keys with an enum. */
  values?: string[];
  examples?: string[];
  /** Whether the value is a list (`clauses`, `related`, …). */
  list: boolean;
}

interface SchemaProperty {
  description?: string;
  enum?: unknown[];
  examples?: unknown[];
  type?: string | string[];
  $ref?: string;
}

const properties = frontmatterSchema.properties as Record<string, SchemaProperty>;
const definitions = frontmatterSchema.definitions as Record<string, SchemaProperty>;

/** Every key the frontmatter schema defines, in schema order. */
export function frontmatterKeys(): FrontmatterKeyInfo[] {
  return Object.keys(properties).map((key) => frontmatterKey(key)!);
}

/** The schema's description of a key (`x-` keys included), or undefined for keys it does not know. */
export function frontmatterKey(key: string): FrontmatterKeyInfo | undefined {
  if (key.startsWith('applicability.')) return applicabilityKey(key);
  if (key.startsWith('x-')) return { key, description: Object.values(frontmatterSchema.patternProperties)[0]!.description, list: false };
  const property = properties[key];
  if (!property) return undefined;
  const referenced = property.$ref ? definitions[property.$ref.replace('#/definitions/', '')] : undefined;
  const description = property.description ?? referenced?.description ?? '';
  return {
    key,
    description,
    values: property.enum?.map(String),
    examples: property.examples?.map(String),
    list: property.type === 'array',
  };
}

interface ItemSchema {
  properties: Record<string, SchemaProperty>;
  required?: string[];
}

/** The keys of an item of a list of mappings (`excludes`, `applicability`) with their descriptions. */
export function itemKeys(list: 'excludes' | 'applicability'): { key: string; description: string; required: boolean; values?: string[] }[] {
  const items = (properties[list] as { items: ItemSchema }).items;
  return Object.entries(items.properties).map(([key, property]) => ({ key, description: property.description ?? '', required: items.required?.includes(key) ?? false, values: property.enum?.map(String) }));
}

/** The keys of an `excludes` item (clause, justification, until) with their descriptions. */
export function exclusionKeys(): { key: string; description: string; required: boolean }[] {
  return itemKeys('excludes');
}

/** The kinds of an SoA inclusion reason (risk, legal, contract, business) with their descriptions. */
export function inclusionReasonKeys(): { key: string; description: string }[] {
  const reason = definitions.inclusionReason as unknown as ItemSchema;
  return Object.entries(reason.properties).map(([key, property]) => ({ key, description: property.description ?? '' }));
}

/**
 * A key inside an `applicability` entry, written `applicability.status` or, for a reason's kind,
 * `applicability.reasons.risk`: its description and values, for hover and completion.
 */
export function applicabilityKey(path: string): FrontmatterKeyInfo | undefined {
  const [, key, kind] = path.split('.');
  if (key === 'reasons' && kind) {
    const reason = inclusionReasonKeys().find((info) => info.key === kind);
    return reason && { key: kind, description: reason.description, list: false };
  }
  const info = itemKeys('applicability').find((candidate) => candidate.key === key);
  return info && { key: info.key, description: info.description, values: info.values, list: false };
}
