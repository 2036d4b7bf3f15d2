import type { Control } from '../catalog/types';
import type { ApplicabilityEntry } from '../document/applicability';
import type { Range } from '../document/types';
import type { ControlCoverage } from '../model/coverage';
import { entryFor } from '../model/statement';
import type { WorkspaceRule, WorkspaceRuleContext } from './types';

type Problem = 'no-reason' | 'no-status' | 'not-approved';

/** Controls with the same problem under the same entry (or, with none, in the same category): one finding names them all. */
interface Group {
  problem: Problem;
  entry?: ApplicabilityEntry;
  controls: { control: Control; coverage: ControlCoverage }[];
}

export const soaIncomplete: WorkspaceRule = {
  id: 'soa-incomplete',
  description: 'The Statement of Applicability gives an applicable control no inclusion reason or status, or a status the documents contradict',
  severity: 'warning',
  fixable: false,
  workspace: true,
  scope: 'soa-documents',
  reads: ['coverage'],
  rationale:
    'The SoA document (`type: soa`) says for each control why it is included (`reasons`: `risk`, `legal`, `contract` or `business`, each with a reference) and how far it is implemented (`status`), in `applicability` entries for a control, an objective or a category (the most specific entry wins). A control no document excludes is applicable and needs a reason and a status. `status: implemented` needs an approved document that claims the control; until there is one, write `partial` or `planned`. An entry for a control that a document validly excludes contradicts the exclusion, and an entry naming no control, objective or category of the catalog is a typo. Findings are grouped per entry (controls no entry speaks for, per category), naming each control.',
  check(context) {
    const { summary, catalog, coverageOf, report } = context;
    const entries = summary.applicability ?? [];
    for (const entry of entries) {
      if (entry.control && !catalog.lookup(entry.control.source)) {
        const near = catalog.nearest(entry.control.source, 3).map((clause) => clause.id);
        report({ message: `applicability names ${entry.control.source}, which is not a control, objective or category of ${catalog.info.name}${near.length ? `; did you mean ${near.join(', ')}?` : ''}`, range: entry.control.range });
      }
    }
    const groups = new Map<string, Group>();
    const add = (problem: Problem, entry: ApplicabilityEntry | undefined, control: Control, coverage: ControlCoverage) => {
      const key = `${problem}|${entry ? entry.range.start : `category ${control.categoryId}`}`;
      const group = groups.get(key) ?? { problem, entry, controls: [] };
      group.controls.push({ control, coverage });
      groups.set(key, group);
    };
    for (const control of catalog.controls) {
      const coverage = coverageOf(control);
      const entry = entryFor(catalog, entries, control.id);
      if (coverage.state === 'excluded') {
        const own = entry && catalog.lookup(entry.control!.source)?.id === control.id;
        if (own && (entry.reasons.length > 0 || entry.status)) {
          const by = coverage.exclusions.find((exclusion) => exclusion.valid)!;
          report({ message: `${control.id} ${control.title} is excluded by ${by.documentId ?? by.path} but the SoA includes it; remove its applicability entry, or drop the exclusion`, range: entry.control!.range, clause: control.id });
        }
        continue;
      }
      if (!entry) {
        add('no-reason', entry, control, coverage);
        continue;
      }
      if (entry.reasons.length === 0) add('no-reason', entry, control, coverage);
      if (!entry.status) add('no-status', entry, control, coverage);
      else if (entry.status.value === 'implemented' && !coverage.claims.some((claim) => claim.status === 'approved')) add('not-approved', entry, control, coverage);
    }
    for (const group of groups.values()) report(findingFor(context, group));
  },
};

/** Where a finding goes in an SoA with no applicability key: the start of the file (a workspace rule reads no text). */
const START: Range = { start: 0, end: 0 };

function findingFor({ catalog, summary }: WorkspaceRuleContext, group: Group): { message: string; range: Range; clause?: string } {
  const { controls, entry } = group;
  const names = controls.length === 1 ? `${controls[0]!.control.id} ${controls[0]!.control.title}` : controls.map(({ control }) => control.id).join(', ');
  const category = catalog.lookup(controls[0]!.control.categoryId)!;
  const clause = controls.length === 1 ? controls[0]!.control.id : undefined;
  const where = entry ? `its entry (${entry.control?.source ?? 'without control'})` : `an applicability entry for ${controls.length === 1 ? controls[0]!.control.id : `category ${category.id} ${category.title} (or for its objectives or controls)`}`;
  switch (group.problem) {
    case 'no-reason':
      return {
        message: `${names} ${controls.length === 1 ? 'is' : 'are'} applicable (no document excludes ${controls.length === 1 ? 'it' : 'them'}) but the SoA gives no reason to include ${controls.length === 1 ? 'it' : 'them'}; add reasons to ${where}, e.g. "- risk: <risk id>" or "- legal: <law>"${entry ? '' : ', and a status'}, or exclude ${controls.length === 1 ? 'it' : 'them'} with a justification`,
        range: entry?.control?.range ?? entry?.range ?? summary.applicabilityKey ?? START,
        clause,
      };
    case 'no-status':
      return {
        message: `${names} ${controls.length === 1 ? 'has' : 'have'} no implementation status in the SoA; add "status: implemented | partial | planned | not-implemented" to ${where}`,
        range: entry?.control?.range ?? entry?.range ?? summary.applicabilityKey ?? START,
        clause,
      };
    case 'not-approved': {
      const drafts = [...new Set(controls.flatMap(({ coverage }) => coverage.claims.map((claim) => `${claim.documentId ?? claim.path} is ${claim.status ?? 'without status'}`)))];
      return {
        message: `the SoA marks ${names} implemented, but no approved document claims ${controls.length === 1 ? 'it' : 'them'}${drafts.length ? ` (${drafts.join(', ')})` : ''}; approve a document that claims ${controls.length === 1 ? 'it' : 'them'}, or set status to partial or planned`,
        range: entry!.status!.range,
        clause,
      };
    }
  }
}
