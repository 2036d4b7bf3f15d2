import Ajv, { type ErrorObject } from 'ajv';
import type { Catalog } from '../catalog/catalog';
import type { Node } from 'yaml';
import frontmatterSchema from '../../../controls/schema/frontmatter.schema.json';
import { isCalendarDate } from '../config/duration';
import { COMPLY_KEYS, exclusionItems, rangeOf } from '../document/frontmatter';
import type { Frontmatter, PolicyDocument, Range } from '../document/types';
import { closestMatches } from '../text/similar';
import { nodeAt } from '../yaml/locate';
import { isNoise, schemaErrorPlace, schemaMessage } from '../yaml/schemaMessage';
import { fix, lineRange, replaceScalar } from './edits';
import type { DocumentRule, FindingInput } from './types';

let validator: ReturnType<Ajv['compile']> | undefined;
function validate() {
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(frontmatterSchema);
  return validator;
}

const DATE_KEYS = ['effective', 'last-reviewed', 'next-review'];

export const frontmatterSchemaRule: DocumentRule = {
  id: 'frontmatter-schema',
  description: 'A frontmatter key is unknown, or a value has the wrong type, enum value or date',
  severity: 'error',
  fixable: true,
  workspace: false,
  rationale:
    'The frontmatter follows `controls/schema/frontmatter.schema.json`. Unknown keys are usually typos (`aproved-by`), so they are reported with the nearest known key; keys of your own can start with `x-`. In a comply-style header, the keys comply itself reads (`name`, `acronym`, `satisfies`, `majorRevisions`, `live`, `cron`) are allowed. Enum values (`type`, `status`) and dates (YYYY-MM-DD, real calendar dates) are checked. When exactly one correction is close, the fix applies it.',
  check({ document, catalog, config, report }) {
    const frontmatter = document.frontmatter;
    if (!frontmatter?.data || !frontmatter.yaml) return;
    if (!validate()(frontmatter.data)) {
      const owned = config.rules['exclusion-invalid'] !== 'off' ? justificationOwned(frontmatter, catalog) : new Set<string>();
      const errors = (validate().errors ?? []).filter((error) => !isNoise(error) && !(frontmatter.header && isComplyKey(error)) && !isMissingJustification(error, owned));
      for (const error of errors) {
        if (!isExplainedElsewhere(error, errors)) report(findingFor(document, frontmatter, error, lineRange(document, 0)));
      }
    }
    for (const key of DATE_KEYS) {
      const field = frontmatter.fields.get(key);
      if (typeof field?.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(field.value) && !isCalendarDate(field.value)) {
        report({ message: `frontmatter "${key}" is not a real date: ${field.value}; write an existing date as YYYY-MM-DD`, range: field.valueRange });
      }
    }
    for (const exclusion of exclusionItems(frontmatter)) {
      const until = exclusion.until;
      if (until && /^\d{4}-\d{2}-\d{2}$/.test(until.value) && !isCalendarDate(until.value)) {
        report({ message: `frontmatter "until" is not a real date: ${until.value}; write an existing date as YYYY-MM-DD`, range: until.range });
      }
    }
  },
};

/**
 * The excludes entries (`/excludes/0`) whose missing justification exclusion-invalid reports: those
 * naming a known control, or (under ISO/IEC 27002:2022) an ISO/IEC 27002:2013 id it reads as the
 * controls that id became. The schema rule leaves them alone, so the problem is reported once.
 */
function justificationOwned(frontmatter: Frontmatter, catalog: Catalog): Set<string> {
  const items = frontmatter.data?.excludes;
  if (!Array.isArray(items)) return new Set();
  const clauseOf = (item: unknown) => (typeof item === 'string' || typeof item === 'number' ? item : (item as { clause?: unknown } | null)?.clause);
  return new Set(items.flatMap((item, index) => {
    const clause = clauseOf(item);
    const known = (typeof clause === 'string' || typeof clause === 'number') && (catalog.control(String(clause)) || catalog.successors(String(clause)).length > 0);
    return known ? [`/excludes/${index}`] : [];
  }));
}

/** A missing justification (a required key, or a bare id where an entry belongs) in an entry exclusion-invalid reports. */
function isMissingJustification(error: ErrorObject, owned: Set<string>): boolean {
  if (!owned.has(error.instancePath)) return false;
  if (error.keyword === 'required') return (error.params as { missingProperty: string }).missingProperty === 'justification';
  return error.keyword === 'type' && (typeof error.data === 'string' || typeof error.data === 'number');
}

/** comply's own keys in a comply header (`name`, `acronym`, `satisfies`…) are not unknown there. */
function isComplyKey(error: ErrorObject): boolean {
  return error.keyword === 'additionalProperties' && error.instancePath === '' && COMPLY_KEYS.includes((error.params as { additionalProperty: string }).additionalProperty);
}

/** A missing required key is not reported when an unknown key beside it is its misspelling (one finding, not two). */
function isExplainedElsewhere(error: ErrorObject, errors: ErrorObject[]): boolean {
  if (error.keyword !== 'required') return false;
  const missing = (error.params as { missingProperty: string }).missingProperty;
  return errors.some(
    (other) =>
      other.keyword === 'additionalProperties' &&
      other.instancePath === error.instancePath &&
      closestMatches((other.params as { additionalProperty: string }).additionalProperty, [missing]).length > 0,
  );
}

/** `firstLine`: where an error without a node of its own (a missing key) is shown. */
function findingFor(document: PolicyDocument, frontmatter: Frontmatter, error: ErrorObject, firstLine: Range): FindingInput {
  const place = schemaErrorPlace(error);
  const { node, key } = nodeAt(frontmatter.yaml!, place.path);
  const target = (place.atKey ? key : node) ?? node;
  const base = frontmatter.contentRange.start;
  const range: Range = target?.range ? rangeOf(target as Node, base) : firstLine;
  const message = schemaMessage(error, 'frontmatter');
  const finding: FindingInput = { message: message.startsWith('frontmatter') ? message : `frontmatter ${message}`, range };
  if (error.keyword === 'additionalProperties') {
    const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
    const unknown = (error.params as { additionalProperty: string }).additionalProperty;
    const siblings = Object.keys((error.data ?? {}) as object);
    const matches = closestMatches(unknown, known);
    // Renaming onto a key that is already there would make a duplicate key: offer nothing then.
    finding.fixes = matches.filter((match) => !siblings.includes(match)).map((match) => fix(`Rename "${unknown}" to "${match}"`, [replaceScalar(document, range, match)], matches.length === 1));
    if (matches.length === 0) finding.message += '; remove it, or start your own keys with x-';
  } else if (error.keyword === 'type' && /^\/excludes\/\d+$/.test(error.instancePath)) {
    finding.message = 'frontmatter: each excludes entry needs a clause and a justification, e.g. "- clause: 11.1.6" with "justification: <why it does not apply>" on the next line';
  } else if (/^\/applicability\/\d+$/.test(error.instancePath) && error.keyword === 'type') {
    finding.message = 'frontmatter: each applicability entry names a control, objective or category with what the SoA says about it, e.g. "- control: 9.4.2" with "reasons:", "owner:" and "status:" on the lines under it';
  } else if (/^\/applicability\/\d+\/reasons\/\d+$/.test(error.instancePath) && ['type', 'maxProperties', 'minProperties'].includes(error.keyword)) {
    finding.message = 'frontmatter: each reason is one kind with its reference, on a line of its own, e.g. "- risk: R-12" or "- legal: GDPR Art. 32" (kinds: risk, legal, contract, business)';
  } else if (error.keyword === 'enum' && typeof error.data === 'string') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
    const matches = closestMatches(error.data, allowed);
    finding.fixes = matches.map((match) => fix(`Change to "${match}"`, [replaceScalar(document, range, match)], matches.length === 1));
  }
  return finding;
}
