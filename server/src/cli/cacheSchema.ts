import Ajv from 'ajv';

/**
 * The shape of `.clausewise-cache`. The cache may come from anywhere (a CI cache restored for a pull
 * request, a file committed to the repository), so it is data to check, not trusted state: a file
 * that does not match is a cache miss. Numbers are bounded so no offset or index can be forged out
 * of range of what the checker would make itself.
 */
const index = { type: 'integer', minimum: -1 } as const;
const offset = { type: 'integer', minimum: 0, maximum: 1e8 } as const;
const range = { type: 'object', required: ['start', 'end'], properties: { start: offset, end: offset } } as const;
const text = { type: 'string', maxLength: 100_000 } as const;
const located = { type: 'object', required: ['value', 'source', 'range'], properties: { value: text, source: text, range } } as const;
const locatedList = { type: 'array', items: located } as const;
const optionalText = { type: 'string', maxLength: 10_000 } as const;
const storedFix = {
  type: 'array', minItems: 3, maxItems: 3,
  items: [index, { enum: [0, 1] }, { type: 'array', items: { type: 'array', minItems: 3, maxItems: 3, items: [offset, offset, index] } }],
} as const;
const storedFinding = {
  type: 'array', minItems: 8, maxItems: 8,
  items: [index, { enum: [0, 1, 2] }, index, offset, offset, index, index, { type: 'array', items: storedFix }],
} as const;
const elementStatus = {
  type: 'object', required: ['id', 'state'],
  properties: { id: optionalText, state: { enum: ['heading', 'prose', 'empty', 'missing'] }, line: offset, heading: text, words: { type: 'array', items: text } },
} as const;
const summary = {
  type: 'object',
  required: ['path', 'isPolicy', 'clauses', 'exclusions', 'related', 'links', 'mentions', 'elements', 'headings'],
  properties: {
    path: { type: 'string' }, isPolicy: { type: 'boolean' }, id: located,
    title: text, type: optionalText, status: optionalText, owner: text, version: optionalText, effective: optionalText,
    lastReviewed: optionalText, nextReview: optionalText, reviewEvery: optionalText,
    clauses: locatedList,
    exclusions: { type: 'array', items: { type: 'object', required: ['range'], properties: { clause: located, justification: located, until: located, range } } },
    related: locatedList,
    links: { type: 'array', items: { type: 'object', required: ['url', 'range'], properties: { url: text, range } } },
    mentions: { type: 'array', items: { type: 'object', required: ['id', 'text', 'range'], properties: { id: optionalText, text, range } } },
    elements: { type: 'object', additionalProperties: { type: 'array', items: elementStatus } },
    headings: { type: 'array', items: { type: 'object', required: ['depth', 'title', 'start'], properties: { depth: { type: 'integer', minimum: 1, maximum: 6 }, title: text, start: offset } } },
  },
} as const;
const suppression = {
  type: 'object', required: ['kind', 'rules', 'line', 'range'],
  properties: { kind: { enum: ['disable', 'enable', 'disable-next-line', 'disable-file'] }, rules: { type: 'array', items: optionalText }, line: offset, range },
} as const;
const entry = {
  type: 'object', required: ['key', 'summary', 'suppressions', 'bom', 'findings'],
  properties: {
    key: { type: 'string', pattern: '^[0-9a-f]{40}$' }, summary, suppressions: { type: 'array', items: suppression }, bom: { type: 'boolean' },
    findings: { type: 'array', items: storedFinding }, workspace: { type: 'array', items: storedFinding },
  },
} as const;
const cacheFile = {
  type: 'object', required: ['format', 'version', 'strings', 'entries'],
  properties: {
    format: { type: 'integer' }, version: { type: 'string' }, strings: { type: 'array', items: { type: 'string' } },
    workspaceKey: { type: 'string' }, probes: { type: 'object', additionalProperties: { type: 'boolean' } },
    entries: { type: 'object', additionalProperties: entry },
  },
} as const;

let validator: ReturnType<Ajv['compile']> | undefined;

/** True when data has the cache file's shape and every string index points into its string table. */
export function isCacheFile(data: unknown): boolean {
  validator ??= new Ajv({ strict: false }).compile(cacheFile);
  if (!validator(data)) return false;
  const { strings, entries } = data as { strings: string[]; entries: Record<string, { summary: { path: string }; findings: unknown[][]; workspace?: unknown[][] }> };
  const known = (at: unknown) => (at as number) < strings.length;
  const findingsOk = (findings: unknown[][] = []) =>
    findings.every(([rule, , message, start, end, clause, element, fixes]) =>
      [rule, message, clause, element].every(known) && (rule as number) >= 0 && (message as number) >= 0 && (start as number) <= (end as number) &&
      (fixes as [number, number, [number, number, number][]][]).every(([title, , edits]) => known(title) && edits.every(([from, to, text]) => from <= to && known(text) && text >= 0)));
  return Object.entries(entries).every(([path, stored]) => stored.summary.path === path && findingsOk(stored.findings) && findingsOk(stored.workspace));
}
