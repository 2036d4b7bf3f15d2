import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { positionAt } from '../document/lines';
import { addExclusionEdit } from '../rules/exclusionEdit';
import { yamlClauseId } from '../rules/edits';
import { freeId } from '../suggest/adoption';
import type { ExcludeControlParams, ExcludeControlResult } from '../protocol/gapMessages';
import { exclusionProblems } from '../model/exclusionProblems';
import { soaDocuments } from '../model/statement';
import type { DocumentSummary } from '../model/summary';
import { afterIndexing, type ServerContext } from './context';
import { toLspEdits } from './conversion';
import { fullDocument } from './openDocument';
import { controlNamed, requestScope, requestSet, scopeControlCoverage } from './scope';


const refuse = (message: string) => new ResponseError(ErrorCodes.InvalidRequest, message);

/**
 * clausewise/excludeControlEdit: where the set records its exclusions (its SoA document, else the
 * document that holds only exclusions, else any document holding some), the edit adding this one;
 * with no such document, a new exclusions record beside the set's policies.
 */
export async function excludeControlEdit(context: ServerContext, params: ExcludeControlParams, token?: CancellationToken): Promise<ExcludeControlResult> {
  await afterIndexing(context, token);
  const scope = requestScope(context, params);
  const { set, index } = scope;
  const control = controlNamed(set, params?.id, 'clausewise/excludeControlEdit');
  const justification = params.justification.trim();
  const coverage = scopeControlCoverage(context, scope, control);
  if (coverage.claims.length) throw refuse(`${control.id} is claimed by ${coverage.claims.map((claim) => claim.documentId ?? basename(claim.path)).join(', ')}; remove it from their clauses before excluding it`);
  // What exclusion-invalid would report on the new entry, refused before it is written.
  const nowhere = { start: 0, end: 0 };
  const exclusion = { clause: { value: control.id, source: control.id, range: nowhere }, justification: { value: justification, source: justification, range: nowhere }, range: nowhere };
  const problems = exclusionProblems(exclusion, control, set.config, context.workspace.session.today(set));
  if (problems.some((problem) => problem.kind === 'essential')) throw refuse(`${control.id} ${control.title} is essential: a health organisation may not exclude it; claim it in a document instead`);
  if (problems.length) throw new ResponseError(ErrorCodes.InvalidParams, `the exclusion of ${control.id} needs a justification an auditor can follow (${problems.map((problem) => problem.text).join('; ')}): say in a sentence why the control does not apply to your organisation`);
  if (coverage.exclusions.some((exclusion) => exclusion.valid)) throw refuse(`${control.id} is already excluded (${coverage.exclusions.map((exclusion) => exclusion.documentId ?? basename(exclusion.path)).join(', ')})`);

  const policies = index.policies();
  const target = soaDocuments(index)[0]
    ?? policies.find((summary) => summary.exclusions.length > 0 && summary.clauses.length === 0)
    ?? policies.find((summary) => summary.exclusions.length > 0);
  if (!target) return newRecord(context, params, policies, control.id, justification);
  const uri = context.workspace.uriOf(target.path);
  const entry = await context.workspace.upToDate(uri);
  if (!entry) throw refuse(`${target.path} is no longer in the workspace; ask again`);
  const document = fullDocument(entry);
  const edit = addExclusionEdit(document, control.id, justification);
  if (!edit) throw refuse(`the frontmatter of ${target.path} does not parse or its excludes is not a list, so the exclusion cannot be added there; fix it first`);
  // The new entry's line: the edit's first line, and the line breaks its text has before the entry's `clause:`.
  const before = edit.newText.slice(0, Math.max(0, edit.newText.indexOf('clause: ')));
  const line = positionAt(document.lineStarts, edit.range.start).line + (before.match(/\n/g)?.length ?? 0);
  return { uri, create: false, changes: { [uri]: toLspEdits(document, [edit]) }, line };
}

/** A new exclusions record (`exclusions.md`, or `exclusions-2.md`…) in the folder of the set's first policy. */
function newRecord(context: ServerContext, params: ExcludeControlParams, policies: DocumentSummary[], id: string, justification: string): ExcludeControlResult {
  const folder = policies[0] ? dirname(policies[0].path) : requestSet(context, params).folder;
  let path = join(folder, 'exclusions.md');
  for (let n = 2; existsSync(path); n++) path = join(folder, `exclusions-${n}.md`);
  const documentId = freeId('EXCLUSIONS', new Set(policies.flatMap((summary) => summary.id?.value ?? [])));
  const entry = `  - clause: ${yamlClauseId(id)}`;
  const lines = [
    '---',
    `id: ${documentId}`,
    'title: Exclusions',
    'type: record',
    'owner: TODO',
    'status: draft',
    'version: 0.1.0',
    'clauses: []',
    'excludes:',
    entry,
    `    justification: ${JSON.stringify(justification)}`,
    '---',
    '# Exclusions',
    '',
    'The controls this organisation does not apply, each with the reason. Review them with the Statement of Applicability.',
    '',
  ];
  return { uri: pathToFileURL(path).href, create: true, text: lines.join('\n'), changes: {}, line: lines.indexOf(entry) };
}
