/**
 * The shape of `.clausewise-cache`. The cache may come from anywhere (a CI cache restored for a pull
 * request, a file committed to the repository), so it is data to check, not trusted state: a file
 * that does not match is a cache miss. Offsets and string indexes are bounded so none can be forged
 * out of range of what the checker would make itself. Written by hand rather than with a JSON
 * Schema validator: compiling one cost a third of an unchanged 2,000-document run.
 */
type Check = (value: unknown) => boolean;

const MAX_OFFSET = 1e8;
const MAX_TEXT = 100_000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text: Check = (value) => typeof value === 'string' && value.length <= MAX_TEXT;
const offset: Check = (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_OFFSET;
const optional = (check: Check): Check => (value) => value === undefined || check(value);
const list = (check: Check): Check => (value) => Array.isArray(value) && value.every(check);
const oneOf = (...allowed: unknown[]): Check => (value) => allowed.includes(value);
const shape = (fields: Record<string, Check>): Check => (value) => isObject(value) && Object.entries(fields).every(([key, check]) => check(value[key]));

const range = shape({ start: offset, end: offset });
const located = shape({ value: text, source: text, range });
const elementStatus = shape({ id: text, state: oneOf('heading', 'prose', 'empty', 'missing'), line: optional(offset), heading: optional(text), words: optional(list(text)) });
const summary = shape({
  path: (value) => typeof value === 'string',
  isPolicy: (value) => typeof value === 'boolean',
  id: optional(located),
  ...Object.fromEntries(['title', 'type', 'status', 'owner', 'version', 'approvedBy', 'effective', 'lastReviewed', 'nextReview', 'reviewEvery'].map((key) => [key, optional(text)])),
  clauses: list(located),
  exclusions: list(shape({ clause: optional(located), justification: optional(located), until: optional(located), range, line: offset })),
  applicability: optional(list(shape({
    control: optional(located),
    reasons: list(shape({ kind: oneOf('risk', 'legal', 'contract', 'business'), reference: located })),
    owner: optional(located),
    status: optional(located),
    evidence: list(located),
    range,
  }))),
  applicabilityKey: optional(range),
  related: list(located),
  links: list(shape({ url: text, range })),
  mentions: list(shape({ id: text, text, range })),
  elements: (value) => isObject(value) && Object.values(value).every(list(elementStatus)),
  projected: optional((value) => isObject(value) && Object.values(value).every(shape({ from: list(text), elements: list(elementStatus) }))),
  headings: list(shape({ depth: (value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 6, title: text, start: offset })),
});
const suppression = shape({ kind: oneOf('disable', 'enable', 'disable-next-line', 'disable-file'), rules: list(text), line: offset, range });

/** A stored finding: [rule, severity, message, start, end, clause, element, fixes, elements?, related?], strings as indexes into `strings`. */
function findingsCheck(strings: number): Check {
  const index = (value: unknown) => Number.isInteger(value) && (value as number) >= -1 && (value as number) < strings;
  const present = (value: unknown) => index(value) && (value as number) >= 0;
  const edit: Check = (value) => Array.isArray(value) && value.length === 3 && offset(value[0]) && offset(value[1]) && value[0] <= value[1] && present(value[2]);
  const fix: Check = (value) => Array.isArray(value) && value.length === 3 && present(value[0]) && oneOf(0, 1)(value[1]) && list(edit)(value[2]);
  const element: Check = (value) => Array.isArray(value) && value.length === 2 && present(value[0]) && present(value[1]);
  const place: Check = (value) => Array.isArray(value) && value.length === 3 && present(value[0]) && offset(value[1]) && offset(value[2]) && value[1] <= value[2];
  return list((value) =>
    Array.isArray(value) && (value.length === 8 || (value.length === 10 && list(element)(value[8]) && list(place)(value[9]))) &&
    present(value[0]) && oneOf(0, 1, 2)(value[1]) && present(value[2]) && offset(value[3]) && offset(value[4]) && value[3] <= value[4] &&
    index(value[5]) && index(value[6]) && list(fix)(value[7]));
}

/** True when data has the cache file's shape and every string index points into its string table. */
export function isCacheFile(data: unknown): boolean {
  if (!isObject(data) || !Number.isInteger(data.format) || typeof data.version !== 'string' || !list((value) => typeof value === 'string')(data.strings)) return false;
  if (!optional((value) => typeof value === 'string')(data.workspaceKey)) return false;
  if (!optional((value) => isObject(value) && Object.values(value).every((existed) => typeof existed === 'boolean'))(data.probes)) return false;
  if (!isObject(data.entries)) return false;
  const findings = findingsCheck((data.strings as string[]).length);
  const entry = shape({ key: (value) => typeof value === 'string' && /^[0-9a-f]{40}$/.test(value), summary, suppressions: list(suppression), bom: (value) => typeof value === 'boolean', findings, workspace: optional(findings) });
  return Object.entries(data.entries).every(([path, stored]) => entry(stored) && (stored as { summary: { path: string } }).summary.path === path);
}
