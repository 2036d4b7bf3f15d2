import type { MigrationPlan } from '../../migrate/plan';
import type { MigratedDocument, MigrationReport } from '../../migrate/report';
import { displayPath } from '../../report/displayPath';

/** One document's migration as the command saw it. */
export interface MigratedFile {
  plan: MigrationPlan & { id?: string };
  /** written | would change | unchanged | refused (with why) | not written (with why). */
  outcome: 'written' | 'to change' | 'unchanged' | 'refused' | 'not written';
  problem?: string;
}

/** What happened to the config's catalog, in one line. */
export interface MigrationInput {
  files: MigratedFile[];
  report: MigrationReport;
  config: string;
  written: boolean;
  cwd: string;
}

const mapping = (plan: MigrationPlan) => plan.mapped.map((entry) => `${entry.from} → ${entry.to.join(' + ')}`).join(', ');

/** The report for a terminal. */
export function formatMigrationText(input: MigrationInput): string {
  const path = (file: string) => displayPath(file, input.cwd);
  const who = (documents: MigratedDocument[]) => documents.map((document) => document.id ?? path(document.path)).join(', ');
  const counts = (outcome: MigratedFile['outcome']) => input.files.filter((file) => file.outcome === outcome).length;
  const changed = input.written ? counts('written') : counts('to change');
  const lines = [
    `clausewise migrate: ${input.files.length} documents to ${input.report.catalog.name}: ${changed} ${input.written ? 'written' : 'to change'}, ${counts('unchanged')} unchanged, ${counts('refused') + counts('not written')} not migrated${input.written || changed === 0 ? '' : ' (dry run: nothing written; add --write to write them)'}`,
  ];
  for (const file of input.files) {
    const detail = file.problem ?? (mapping(file.plan) || 'no earlier ids');
    lines.push(`  ${file.outcome.padEnd(11)} ${path(file.plan.path)}  ${detail}`);
    if (file.plan.unknown.length) lines.push(`              kept as written (not a control of either edition): ${file.plan.unknown.join(', ')}`);
    for (const exclusion of file.plan.exclusions) {
      if (exclusion.to.join() === exclusion.from && !exclusion.note) continue;
      lines.push(`              excludes ${exclusion.from} → ${exclusion.to.join(' + ')}${exclusion.until ? ` (until ${exclusion.until})` : ''}${exclusion.note ? `: ${exclusion.note}` : ''}`);
    }
  }
  for (const conflict of input.report.conflicts) lines.push(`  conflict    ${conflict.id} is excluded by ${who([conflict.excludedBy])} and claimed by ${who(conflict.claimedBy)}; decide which stands`);
  const mentions = input.files.flatMap((file) => file.plan.mentions.map((mention) => `  ${path(file.plan.path)}:${mention.line}  "${mention.text}" → ${mention.to.join(' + ')}`));
  if (mentions.length) lines.push('', 'Body references to review (not rewritten):', ...mentions);
  lines.push('', `Controls of ${input.report.catalog.name} and the documents that claim them:`);
  for (const control of input.report.controls) lines.push(`  ${control.id.padEnd(5)} ${control.title}: ${who(control.documents) || '—'}`);
  if (input.report.unclaimedNew.length) {
    lines.push('', 'New controls nobody claims (write them into a document, or exclude them with a reason):');
    for (const control of input.report.unclaimedNew) {
      lines.push(`  ${control.id} ${control.title}`, ...control.elements.map((element) => `      - ${element.title}: ${element.prompt}`));
    }
  }
  if (input.report.partialMerges.length) {
    lines.push('', 'Claimed through only some of the controls merged into them (the document may cover only part: check its elements):');
    for (const merge of input.report.partialMerges) lines.push(`  ${merge.id} ${merge.title}: ${who([merge.document])} through ${merge.claimedThrough.join(', ')}, not ${merge.notClaimed.join(', ')}`);
  }
  lines.push('', input.config);
  return `${lines.join('\n')}\n`;
}

/** The report as Markdown, for a pull request. */
export function formatMigrationMarkdown(input: MigrationInput): string {
  const path = (file: string) => displayPath(file, input.cwd);
  const who = (documents: MigratedDocument[]) => documents.map((document) => document.id ?? path(document.path)).join(', ');
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    `# Migration to ${input.report.catalog.name}`,
    '',
    '| Document | Outcome | Ids |',
    '|---|---|---|',
    ...input.files.map((file) => `| ${cell(path(file.plan.path))} | ${file.outcome} | ${cell(file.problem ?? (mapping(file.plan) || '—'))} |`),
  ];
  const notes = [
    ...input.files.flatMap((file) => file.plan.exclusions.filter((exclusion) => exclusion.note).map((exclusion) => `- ${path(file.plan.path)}: excludes ${exclusion.from} → ${exclusion.to.join(' + ')}: ${exclusion.note}`)),
    ...input.report.conflicts.map((conflict) => `- ${conflict.id} is excluded by ${who([conflict.excludedBy])} and claimed by ${who(conflict.claimedBy)}`),
  ];
  if (notes.length) lines.push('', '## Exclusions to decide', '', ...notes);
  const mentions = input.files.flatMap((file) => file.plan.mentions.map((mention) => `- ${path(file.plan.path)}:${mention.line} "${mention.text}" → ${mention.to.join(' + ')}`));
  if (mentions.length) lines.push('', '## Body references to review', '', ...mentions);
  if (input.report.unclaimedNew.length) {
    lines.push('', '## New controls nobody claims', '');
    for (const control of input.report.unclaimedNew) lines.push(`- **${control.id} ${control.title}**`, ...control.elements.map((element) => `  - ${element.title}: ${element.prompt}`));
  }
  if (input.report.partialMerges.length) {
    lines.push('', '## Claimed through only part of a merge', '', ...input.report.partialMerges.map((merge) => `- ${merge.id} ${merge.title}: ${who([merge.document])} through ${merge.claimedThrough.join(', ')}, not ${merge.notClaimed.join(', ')}`));
  }
  lines.push('', '## Controls and the documents that claim them', '', '| Control | Documents |', '|---|---|');
  for (const control of input.report.controls) lines.push(`| ${control.id} ${cell(control.title)} | ${cell(who(control.documents)) || '—'} |`);
  lines.push('', input.config);
  return `${lines.join('\n')}\n`;
}

/** The report as JSON: each document's plan (without its text) and the set-wide report. */
export function formatMigrationJson(input: MigrationInput): string {
  const documents = input.files.map(({ plan: { text: _text, path, ...plan }, outcome, problem }) => ({ path: displayPath(path, input.cwd), outcome, ...(problem ? { problem } : {}), ...plan }));
  const relative = (document: MigratedDocument) => ({ ...document, path: displayPath(document.path, input.cwd) });
  const report = {
    ...input.report,
    controls: input.report.controls.map((control) => ({ ...control, documents: control.documents.map(relative) })),
    partialMerges: input.report.partialMerges.map((merge) => ({ ...merge, document: relative(merge.document) })),
    conflicts: input.report.conflicts.map((conflict) => ({ ...conflict, excludedBy: relative(conflict.excludedBy), claimedBy: conflict.claimedBy.map(relative) })),
  };
  return `${JSON.stringify({ written: input.written, config: input.config, documents, ...report }, null, 2)}\n`;
}
