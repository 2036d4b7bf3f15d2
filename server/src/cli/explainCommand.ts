import { resolve } from 'node:path';
import type { Catalog } from '../catalog/catalog';
import { catalogOption, SET_OPTIONS, SET_SYNOPSIS } from './inputs';
import type { Clause, Control, Element } from '../catalog/types';
import { isExpectedOf } from '../config/elements';
import { ConfigResolver } from '../config/resolve';
import type { ResolvedConfig } from '../config/types';
import { paint, stdoutOutput, wrap, type Output } from './terminal';
import { UsageError } from './usageError';
import { commandArgs } from './commandArgs';

export const explainUsage = `Usage: clausewise explain <clause-id> [--json] ${SET_SYNOPSIS}

Prints a control (or an objective or category) of the catalog: its place, summary,
health note, Clausewise's baseline elements (with the evidence that finds each in
prose) and its mappings: the curated links, marking those added in review and counting
the derived links review removed (--json gives every reason).
The nearest .clausewise.yaml (or --config) decides the catalog and organisation-type:
elements meant only for care providers are marked not expected for other organisations.
Ids may be written 9.4.2, A.9.4.2, "ISO 27799 9.4.2" or §9.4.2.`;

/** `clausewise explain <id>`: returns the exit code. */
export function explainCommand(args: string[], output: Output = stdoutOutput(), cwd = process.cwd()): number {
  const parsed = commandArgs(args, explainUsage, output, { json: { type: 'boolean' }, ...SET_OPTIONS });
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('explain needs a clause id, for example: clausewise explain 9.4.2');
  // As check does: the nearest config (its catalog unless --catalog names one, and its organisation-type).
  const resolver = new ConfigResolver(cwd, values.config && resolve(cwd, values.config), {
    confineToRepository: true,
    catalog: catalogOption(cwd, values.catalog),
  });
  const { config, catalog } = resolver.forDirectory(cwd);
  const text = positionals.join(' ');
  const clause = catalog.lookup(text);
  if (!clause) {
    const suggestions = catalog.nearest(text);
    const hint = suggestions.length
      ? `did you mean: ${suggestions.map((s) => `${s.id} ${s.title}`).join('; ')}`
      : `ids run from ${catalog.categories[0]?.id} to ${catalog.categories.at(-1)?.id}; try clausewise explain ${catalog.controls[0]?.id}`;
    throw new UsageError(`"${text}" is not a clause of ${catalog.info.name}`, hint);
  }
  output.write(values.json ? `${JSON.stringify(clauseJson(catalog, clause, config), null, 2)}\n` : renderClause(catalog, clause, output, config));
  return 0;
}

/**
 * The JSON shape of `explain --json`: the clause, its path, and for controls everything the catalog
 * knows, each element marked `expected` for the config's organisation-type.
 */
export function clauseJson(catalog: Catalog, clause: Clause, config: Pick<ResolvedConfig, 'organisationType'> = { organisationType: 'care-provider' }): object {
  const path = catalog.path(clause).map((step) => ({ id: step.id, kind: step.kind, title: step.title }));
  if (clause.kind !== 'control') {
    return { id: clause.id, kind: clause.kind, title: clause.title, path, controls: catalog.controlsUnder(clause.id).map((c) => ({ id: c.id, title: c.title })) };
  }
  const title = (framework: string, id: string) => catalog.frameworkTitle(framework, id) ?? null;
  const maps = Object.fromEntries(
    Object.keys(clause.maps).map((framework) => [framework, catalog.mapLinks(clause, framework).map((link) => ({ id: link.id, title: title(framework, link.id), origin: link.origin, reason: link.reason }))]),
  );
  const mapsRemoved = Object.fromEntries(
    Object.keys(clause.mapReview)
      .map((framework) => [framework, catalog.removedLinks(clause, framework).map((link) => ({ id: link.id, title: title(framework, link.id), reason: link.reason }))] as const)
      .filter(([, links]) => links.length > 0),
  );
  return {
    id: clause.id,
    kind: clause.kind,
    title: clause.title,
    path,
    essential: clause.essential,
    reason: clause.reason ?? null,
    summary: clause.summary,
    health: clause.health ?? null,
    organisationType: config.organisationType,
    elements: clause.elements.map((element) => ({ ...element, expected: isExpectedOf(element, config) })),
    retiredElements: clause.retiredElements,
    maps,
    mapsRemoved,
  };
}

/** "[review | recertif* | … 12 more] + [$frequency]": the groups, each a choice of words, the longest cut short. */
function describeEvidence(groups: string[][], perGroup = 8): string {
  const shown = (group: string[]) => (group.length > perGroup ? [...group.slice(0, perGroup), `… ${group.length - perGroup} more`] : group);
  return groups.map((group) => `[${shown(group).join(' | ')}]`).join(' + ');
}

function renderClause(catalog: Catalog, clause: Clause, out: Output, config: ResolvedConfig): string {
  const lines: string[] = [];
  const badge = clause.kind === 'control' && clause.essential ? `  ${paint(out, 'yellow', '[essential]')}` : '';
  lines.push(`${paint(out, 'bold', `${clause.id}  ${clause.title}`)}${badge}`);
  lines.push(paint(out, 'dim', [catalog.info.name, ...catalog.path(clause).slice(0, -1).map((step) => `${step.id} ${step.title}`)].join(' › ')));
  if (clause.kind !== 'control') {
    lines.push('', paint(out, 'bold', 'Controls'));
    for (const control of catalog.controlsUnder(clause.id)) lines.push(`  ${control.id.padEnd(8)} ${control.title}`);
    return `${lines.join('\n')}\n`;
  }
  renderControl(catalog, clause, out, lines, config);
  return `${lines.join('\n')}\n`;
}

function renderControl(catalog: Catalog, control: Control, out: Output, lines: string[], config: ResolvedConfig): void {
  const width = out.width;
  lines.push('', paint(out, 'bold', 'Summary'), wrap(control.summary, width, '  '));
  if (control.health) lines.push('', paint(out, 'bold', 'In a health organisation'), wrap(control.health, width, '  '));
  if (control.essential && control.reason) lines.push('', paint(out, 'bold', 'Essential'), wrap(control.reason, width, '  '));
  lines.push('', `${paint(out, 'bold', 'Elements')} ${paint(out, 'dim', "(Clausewise's baseline, not the standard's text)")}`);
  for (const element of control.elements) {
    lines.push(`  • ${element.title} ${paint(out, 'gray', `(${element.id})`)}${appliesToBadge(element, out)}`);
    if (!isExpectedOf(element, config)) lines.push(wrap(notExpected(config), width, '      '));
    if (element.aliases.length) lines.push(wrap(`also: ${element.aliases.join(', ')}`, width, '      '));
    lines.push(wrap(`hint: ${element.prompt}`, width, '      '));
    if (element.evidence.length) lines.push(wrap(`in prose: ${describeEvidence(element.evidence)}`, width, '      '));
  }
  if (control.elements.some((element) => element.evidence.length)) {
    lines.push(
      paint(out, 'dim', '  (in prose: an element is also found when one paragraph, list item, table row or short section holds'),
      paint(out, 'dim', '   a word of each [group]; $frequency, $duration and $role stand for any frequency, duration or role;'),
      paint(out, 'dim', '   --json lists every word)'),
    );
  }
  for (const retired of control.retiredElements) {
    const where = retired.movedTo ? `moved to ${retired.movedTo}` : retired.replacedBy ? `replaced by ${retired.replacedBy}` : 'retired';
    lines.push(paint(out, 'dim', wrap(`formerly ${retired.id}: ${where}. ${retired.reason}`, width, '  ')));
  }
  renderMappings(catalog, control, out, lines);
}

/** "[care providers only]" after an element only some kinds of organisation are expected to address. */
function appliesToBadge(element: Element, out: Output): string {
  if (!element.appliesTo) return '';
  const names = element.appliesTo.map((type) => ({ 'care-provider': 'care providers', 'health-technology': 'health-technology organisations', other: 'other organisations' })[type]);
  return `  ${paint(out, 'yellow', `[${names.join(' and ')} only]`)}`;
}

/** Why an element is not expected of this organisation, naming where its organisation-type comes from. */
function notExpected(config: ResolvedConfig): string {
  const source = config.file ? `organisation-type: ${config.organisationType} in ${config.file}` : `organisation-type: ${config.organisationType}`;
  return `not expected here (${source}): missing-element does not report it`;
}

/** The curated links per framework, additions marked, and for a reviewed framework what the review kept, added and removed. */
function renderMappings(catalog: Catalog, control: Control, out: Output, lines: string[]): void {
  const frameworks = [...new Set([...Object.keys(control.maps), ...Object.keys(control.mapReview)])];
  const shown = frameworks.filter((framework) => (control.maps[framework]?.length ?? 0) + catalog.removedLinks(control, framework).length > 0);
  if (shown.length === 0) return;
  lines.push('', paint(out, 'bold', 'Mappings'));
  for (const framework of shown) {
    const links = catalog.mapLinks(control, framework);
    const removed = catalog.removedLinks(control, framework);
    lines.push(`  ${catalog.frameworks[framework]?.title ?? framework}`);
    for (const link of links) {
      const added = link.origin === 'added' ? `  ${paint(out, 'yellow', '[added in review]')}` : '';
      lines.push(`    ${link.id.padEnd(22)} ${catalog.frameworkTitle(framework, link.id) ?? ''}`.trimEnd() + added);
    }
    if (links.length === 0) lines.push(paint(out, 'dim', '    (no link left after review)'));
    if (catalog.frameworks[framework]?.reviewed !== undefined || control.mapReview[framework]) {
      const added = links.filter((link) => link.origin === 'added').length;
      lines.push(paint(out, 'dim', `    reviewed: ${links.length - added} derived kept, ${added} added, ${removed.length} removed (--json gives the reasons)`));
    }
  }
  if (shown.includes('hipaa')) {
    const how = catalog.frameworks.hipaa?.reviewed === undefined ? 'derived, not official' : 'derived, not official, then reviewed';
    lines.push(paint(out, 'dim', `  (HIPAA mapping is ${how}: see the catalog file header)`));
  }
}
