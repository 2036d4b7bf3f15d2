import { resolve } from 'node:path';
import { computeCoverage, type ControlCoverage } from '../model/coverage';
import { documentCoverage } from '../model/coverageViews';
import { stateReasons } from '../model/stateReasons';
import type { PolicySet } from '../engine/policySet';
import type { ElementStatus } from '../model/summary';
import { elementsFor } from '../config/elements';
import { checkFiles } from '../engine/batch';
import { displayPath } from '../report/displayPath';
import { checkToday, commandSets, inputFiles, SET_OPTIONS, SET_SYNOPSIS } from './inputs';
import { paint, stdoutOutput, type Output } from './terminal';
import { UsageError } from './usageError';
import { commandArgs } from './commandArgs';

const traceUsage = `Usage: clausewise trace <control-id | document-id | path> [paths…] [--today YYYY-MM-DD] ${SET_SYNOPSIS}

For a control: its place in the catalog, its state, and every document that claims, excludes or
cites it with status, review date and missing elements. For a document: every control it claims or
excludes with that control's state, and the documents it relates to.`;

/** `clausewise trace`: the traceability chain of one control or one document, in the terminal. */
export async function traceCommand(args: string[], output: Output = stdoutOutput()): Promise<number> {
  const parsed = commandArgs(args, traceUsage, output, { today: { type: 'string' }, ...SET_OPTIONS });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const [target, ...paths] = positionals;
  if (!target) throw new UsageError('trace needs a control id, a document id or a path, for example: clausewise trace 9.4.2');
  checkToday(values.today);
  const cwd = process.cwd();
  const policySets = commandSets(cwd, values);
  const { sets } = await checkFiles(inputFiles(paths, cwd, policySets), { cwd, today: values.today, configFile: values.config, sets: policySets, indexOnly: true, dropTexts: true });
  for (const set of sets) {
    const report = computeCoverage(set.index, set.catalog, set.config, set.today(values.today));
    const control = set.catalog.control(target);
    if (control) {
      output.write(traceControl(report.controls.find((entry) => entry.id === control.id)!, set, cwd, output));
      return 0;
    }
    const document = set.index.withId(target)[0] ?? set.index.get(resolve(cwd, target));
    if (document?.isPolicy) {
      const view = documentCoverage(report).find((entry) => entry.path === document.path);
      const lines = [
        paint(output, 'bold', `${document.id?.value ?? displayPath(document.path, cwd)}  ${document.title ?? ''}`),
        `${displayPath(document.path, cwd)} · ${document.type ?? 'no type'} · ${document.status ?? 'no status'} · owner ${document.owner ?? 'none'}`,
        '',
        ...(view?.controls ?? []).flatMap((entry) => [
          `  ${entry.relation === 'excludes' ? 'excludes' : 'claims  '} ${entry.id.padEnd(8)} ${entry.state.padEnd(8)} ${entry.title}`,
          ...whyLines(report.controls.find((control) => control.id === entry.id)!, '      '),
          ...(entry.relation === 'claims' ? elementLines(document.elements[entry.id], set, entry.id, '      ') : []),
        ]),
      ];
      if (document.related.length) lines.push('', `related: ${document.related.map((reference) => reference.value).join(', ')}`);
      output.write(`${lines.join('\n')}\n`);
      return 0;
    }
  }
  const suggestions = sets[0]?.catalog.nearest(target, 3) ?? [];
  throw new UsageError(`"${target}" is neither a control nor a policy document here`, suggestions.length ? `controls like it: ${suggestions.map((s) => `${s.id} ${s.title}`).join('; ')}` : undefined);
}

const MARK: Record<ElementStatus['state'], string> = { heading: '✓', prose: '✓', empty: '✗', missing: '✗' };

/** One line per element of a claimed control: ✓ or ✗, its title, and where it was found (or why not). */
function elementLines(statuses: ElementStatus[] | undefined, set: PolicySet, controlId: string, indent: string): string[] {
  const control = set.catalog.control(controlId);
  if (!statuses || !control) return [];
  const titles = new Map(elementsFor(control, set.config).map((element) => [element.id, element.title]));
  const width = Math.max(...statuses.map((status) => (titles.get(status.id) ?? status.id).length));
  return statuses.map((status) => `${indent}${MARK[status.state]} ${(titles.get(status.id) ?? status.id).padEnd(width)}  ${whereFound(status)}`);
}

/** "heading "Access Reviews", line 12", "prose, line 56: 'review … quarterly'", "missing". */
export function whereFound(status: ElementStatus): string {
  switch (status.state) {
    case 'heading':
      return `heading "${status.heading}", line ${status.line}`;
    case 'prose':
      return `prose, line ${status.line}: '${status.words!.join(' … ')}'`;
    case 'empty':
      return `empty: "${status.heading}", line ${status.line}, holds only placeholder text`;
    case 'missing':
      return 'missing';
  }
}

/** Why the control is in its state, one line a reason (the JSON report's reasons, and for covered and excluded what makes it so). */
function whyLines(control: ControlCoverage, indent: string): string[] {
  return stateReasons(control).map((reason) => `${indent}why ${control.state}: ${reason}`);
}

function traceControl(control: ControlCoverage, set: PolicySet, cwd: string, output: Output): string {
  const catalogControl = set.catalog.control(control.id)!;
  const lines = [
    paint(output, 'bold', `${control.id}  ${control.title}`) + (control.essential ? '  [essential]' : ''),
    [set.catalog.info.name, ...set.catalog.path(catalogControl).slice(0, -1).map((step) => `${step.id} ${step.title}`)].join(' › '),
    `state: ${control.state}`,
    '',
  ];
  for (const claim of control.claims) {
    lines.push(`  claimed by ${claim.documentId ?? '(no id)'}  ${displayPath(claim.path, cwd)}`);
    lines.push(`      ${claim.status ?? 'no status'}${claim.reviewDue ? `, review due ${claim.reviewDue}${claim.overdue ? ' (overdue)' : ''}` : ''}`);
    lines.push(...elementLines(claim.elements, set, control.id, '      '));
  }
  for (const exclusion of control.exclusions) {
    lines.push(`  excluded by ${exclusion.documentId ?? '(no id)'}  ${displayPath(exclusion.path, cwd)}${exclusion.valid ? '' : `  NOT VALID: ${exclusion.problems.join(', ')}`}`);
    lines.push(`      ${exclusion.justification ?? 'no justification'}${exclusion.until ? ` (until ${exclusion.until})` : ''}`);
  }
  for (const citing of set.index.citing(control.id)) lines.push(`  cited in ${citing.id?.value ?? '(no id)'}  ${displayPath(citing.path, cwd)}`);
  if (lines.at(-1) !== '') lines.push('');
  lines.push(...whyLines(control, '  '));
  return `${lines.join('\n')}\n`;
}
