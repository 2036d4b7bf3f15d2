import type { ErrorObject } from 'ajv';
import { didYouMean } from '../text/similar';
import { pointerSegments } from './locate';

/** Where a schema error should be shown: the path of the node, and whether to point at its key. */
export interface SchemaErrorPlace {
  path: (string | number)[];
  atKey: boolean;
}

/** Errors that only restate another error (an `if` that failed, an `anyOf` umbrella). */
export function isNoise(error: ErrorObject): boolean {
  return error.keyword === 'if' || error.keyword === 'anyOf' || error.keyword === 'oneOf';
}

export function schemaErrorPlace(error: ErrorObject): SchemaErrorPlace {
  const path = pointerSegments(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    return { path: [...path, (error.params as { additionalProperty: string }).additionalProperty], atKey: true };
  }
  return { path, atKey: false };
}

function describePath(path: (string | number)[]): string {
  return path.reduce<string>((text, step) => (typeof step === 'number' ? `${text}[${step}]` : text ? `${text}.${step}` : step), '');
}

/**
 * How much of the file a message may repeat. A document's own frontmatter is quoted ('values'). A
 * config or catalog may be any file a hostile config points at (/proc/self/environ), so its
 * messages name only keys that look like keys ('keys') and never repeat a value.
 */
export type Quoting = 'values' | 'keys';

/** A message a person can act on, naming the key and the expected form. */
export function schemaMessage(error: ErrorObject, root = 'the file', quote: Quoting = 'values'): string {
  const path = pointerSegments(error.instancePath);
  const where = path.length ? (quote === 'values' || path.every(isKeyLike) ? `"${describePath(path)}"` : 'a value') : root;
  const schema = (error.parentSchema ?? {}) as { description?: string; properties?: Record<string, unknown> };
  switch (error.keyword) {
    case 'required':
      return `${where} is missing the required key "${(error.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      if (quote === 'keys' && !isKeyLike(key)) return `${where} has an unknown key`;
      return `${where} has an unknown key "${key}"${didYouMean(key, Object.keys(schema.properties ?? {}))}`;
    }
    case 'type':
      return `${where} must be ${article((error.params as { type: string }).type)}, not ${describeValue(error.data, quote)}`;
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      return `${where} must be one of ${allowed.join(', ')}${quote === 'values' ? didYouMean(String(error.data), allowed) : ''}`;
    }
    case 'pattern':
    case 'format':
      return `${where} has the wrong form${quote === 'values' ? `: ${JSON.stringify(error.data)}` : ''}${schema.description ? ` (${schema.description})` : ''}`;
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      return `${where} must not be empty`;
    case 'maxItems':
    case 'maxLength':
      return `${where} is too long (${error.message})`;
    default:
      return `${where} ${error.message ?? 'is not valid'}`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown, quote: Quoting): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return quote === 'values' ? `${typeof value} ${JSON.stringify(value)}` : `${article(typeof value)}`;
}

/** A key as configs and catalogs write them (`review-every`, `9.2.5`), not a line of some other file. */
export function isKeyLike(step: string | number): boolean {
  return typeof step === 'number' || /^[\w.-]{1,40}$/.test(step);
}
