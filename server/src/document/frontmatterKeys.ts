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

/** The keys of an `excludes` item (clause, justification, until) with their descriptions. */
export function exclusionKeys(): { key: string; description: string; required: boolean }[] {
  const items = (properties.excludes as { items: { properties: Record<string, SchemaProperty>; required: string[] } }).items;
  return Object.entries(items.properties).map(([key, property]) => ({ key, description: property.description ?? '', required: items.required.includes(key) }));
}
