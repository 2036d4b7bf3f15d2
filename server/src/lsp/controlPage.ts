import { relative } from 'node:path';
import type { CancellationToken } from 'vscode-languageserver';
import { controlMappings } from '../catalog/mappings';
import { normalizeClauseId } from '../catalog/clauseId';
import type { Control } from '../catalog/types';
import { elementsFor } from '../config/elements';
import { elementQuotes } from '../policy/elementQuote';
import { exclusionRegister, type RegisterEntry } from '../model/exclusionRegister';
import { catalogName, type Claim } from '../model/coverage';
import type { PolicySet } from '../engine/policySet';
import type { SummaryIndex } from '../model/summaryIndex';
import type { ControlPage, ControlPageClaim, ControlPageElement, ControlPageParams, WrittenExclusion } from '../protocol/controlMessages';
import { afterIndexing, type ServerContext } from './context';
import { toPosition } from './conversion';
import { writtenExclusion } from './exclusionRegister';
import { controlNamed, requestScope, scopeControlCoverage } from './scope';

/** clausewise/controlPage: one control of the policy set in scope, with what each claiming document says for each element. */
export async function controlPage(context: ServerContext, params: ControlPageParams, token: CancellationToken): Promise<ControlPage> {
  await afterIndexing(context, token);
  const scope = requestScope(context, params);
  const { set, index } = scope;
  const control = controlNamed(set, params?.id, 'clausewise/controlPage');
  const coverage = scopeControlCoverage(context, scope, control);
  const today = context.workspace.session.today(set);
  return {
    catalog: catalogName(set.catalog),
    today,
    id: control.id,
    title: control.title,
    place: set.catalog.path(control).slice(0, -1).map((step) => `${step.id} ${step.title}`),
    summary: control.summary,
    ...(control.health ? { health: control.health } : {}),
    essential: coverage.essential,
    state: coverage.state,
    reasons: coverage.reasons,
    elements: elementsFor(control, set.config).map((element) => ({ id: element.id, title: element.title })),
    claims: coverage.claims.map((claim) => claimOf(context, set, control, claim)),
    exclusions: exclusionsOf(context, set, index, control, today),
    mappings: controlMappings(set.catalog, control),
  };
}

/** The zero-based line of an offset in a document of the workspace (0 when the document is not there). */
function lineAt(context: ServerContext, path: string, offset: number | undefined): number {
  const entry = context.workspace.session.get(path);
  return entry && offset !== undefined ? toPosition(entry.treeless, offset).line : 0;
}

function claimOf(context: ServerContext, set: PolicySet, control: Control, claim: Claim): ControlPageClaim {
  const entry = context.workspace.session.get(claim.path);
  const summary = entry?.analyzed.summary;
  const named = new Set([control.id, ...(claim.via ?? [])]);
  const at = summary?.clauses.find((located) => named.has(normalizeClauseId(located.source) ?? ''))?.range.start;
  const byId = new Map(elementsFor(control, set.config).map((element) => [element.id, element]));
  // The text is read once per document (a closed document's is read again from disk).
  const quoteOf = elementQuotes(entry?.treeless.text ?? '');
  const elements = claim.elements.map((status): ControlPageElement => {
    const element = byId.get(status.id);
    const quote = quoteOf(status);
    return {
      id: status.id,
      title: element?.title ?? status.id,
      state: status.state,
      ...(status.line !== undefined ? { line: status.line - 1 } : {}),
      ...(quote ? { quote: quote.quote } : {}),
      marks: quote?.marks ?? [],
      ...((status.state === 'missing' || status.state === 'empty') && element ? { hint: element.prompt } : {}),
    };
  });
  return {
    uri: context.workspace.uriOf(claim.path),
    path: relative(set.config.root, claim.path),
    documentId: claim.documentId,
    title: claim.title,
    owner: summary?.owner,
    status: claim.status,
    version: summary?.version,
    approvedBy: summary?.approvedBy,
    effective: summary?.effective,
    lastReviewed: summary?.lastReviewed,
    reviewDue: claim.reviewDue,
    overdue: claim.overdue,
    complete: claim.complete,
    line: lineAt(context, claim.path, at),
    ...(claim.via ? { via: claim.via } : {}),
    elements,
  };
}

/** Every exclusion written in the documents in scope that names the control or, under ISO/IEC 27002:2022, an earlier-edition id read as it: as the exclusion register lists them. */
function exclusionsOf(context: ServerContext, set: PolicySet, index: SummaryIndex, control: Control, today: string): WrittenExclusion[] {
  const ids = [control.id, ...(control.maps.iso27002_2013 ?? [])];
  const policies = [...new Set(ids.flatMap((id) => index.excluding(id)))];
  const names = (entry: RegisterEntry) => entry.own?.id === control.id || entry.readAs.some((successor) => successor.id === control.id);
  return exclusionRegister(policies, set.catalog, set.config, today).filter(names).map((entry) => writtenExclusion(context, set.config.root, entry));
}
