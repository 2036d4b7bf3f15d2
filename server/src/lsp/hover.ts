import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { Catalog } from '../catalog/catalog';
import { controlMappings } from '../catalog/mappings';
import type { Control, Element } from '../catalog/types';
import { elementsFor } from '../config/elements';
import { SHOW_CONTROL_COMMAND } from '../protocol/controlMessages';
import { frontmatterKey } from '../document/frontmatterKeys';
import { targetAt } from '../document/targetAt';
import { entryFor, soaDocuments } from '../model/statement';
import type { ControlCoverage } from '../model/coverage';
import type { ElementStatus } from '../model/summary';
import type { SessionDocument } from '../engine/session';
import type { ServerContext } from './context';
import { toLspRange, toOffset } from './conversion';

/** textDocument/hover: a clause's guidance and coverage, a frontmatter key's meaning, or a related document. */
export async function hover(context: ServerContext, params: HoverParams): Promise<Hover | null> {
  const entry = await context.workspace.upToDate(params.textDocument.uri);
  if (!entry?.document) return null;
  const target = targetAt(entry.document, toOffset(entry.treeless, params.position));
  if (!target) return null;
  const value =
    target.kind === 'clause' ? clauseHover(context, entry, target.source)
    : target.kind === 'key' ? keyHover(target.key)
    : documentHover(entry, target.id);
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: toLspRange(entry.treeless, target.range) } : null;
}

function clauseHover(context: ServerContext, entry: SessionDocument, source: string): string {
  const { catalog } = entry.set;
  const clause = catalog.lookup(source);
  if (!clause) {
    const suggestions = catalog.nearest(source, 3).map((candidate) => `${candidate.id} ${candidate.title}`);
    return `**${source}** is not a clause of ${catalog.info.name}.${suggestions.length ? ` Did you mean ${suggestions.join('; ')}?` : ''}`;
  }
  const place = catalog.path(clause).slice(0, -1).map((step) => `${step.id} ${step.title}`);
  if (clause.kind !== 'control') {
    const controls = catalog.controlsUnder(clause.id).map((control) => `- ${control.id} ${control.title}`);
    return [`**${clause.id} ${clause.title}** (${clause.kind})`, '', [catalog.info.name, ...place].join(' › '), '', 'Controls:', ...controls].join('\n');
  }
  return [
    `**${clause.id} ${clause.title}**${clause.essential ? ' · essential' : ''}`,
    '',
    [catalog.info.name, ...place].join(' › '),
    ...pageLink(context, clause.id),
    '',
    clause.summary,
    ...(clause.health ? ['', `*In a health organisation:* ${clause.health}`] : []),
    '',
    ...elementLines(entry, clause),
    ...mappingLines(catalog, clause),
    '',
    ...coverageLines(context, entry, clause),
  ].join('\n');
}

/** A link that opens the control page, for a client that runs the command (the VS Code extension). */
function pageLink(context: ServerContext, id: string): string[] {
  if (!context.clientCommands.has(SHOW_CONTROL_COMMAND)) return [];
  return ['', `[Open the control page](command:${SHOW_CONTROL_COMMAND}?${encodeURIComponent(JSON.stringify([id]))} "Elements, documents, exclusions and mappings of ${id}")`];
}

function elementLines(entry: SessionDocument, control: Control): string[] {
  const elements = elementsFor(control, entry.set.config);
  // The summary already says where each claimed element was found: no matching again per hover.
  const statuses = entry.analyzed.summary.elements[control.id];
  if (!statuses) return ['**Elements** (this document does not claim the control):', ...elements.map((element) => `- ${element.title}`)];
  const uri = pathToFileURL(entry.path).href;
  const byId = new Map(elements.map((element) => [element.id, element]));
  return ['**Elements in this document:**', ...statuses.map((status) => `- ${elementLine(status, byId.get(status.id)!, uri)}`)];
}

/** "✓ Access review frequency — in prose, line 56: 'review … quarterly …'", the line a link to the place. */
function elementLine(status: ElementStatus, element: Element, uri: string): string {
  const at = status.line === undefined ? '' : `[line ${status.line}](${uri}#L${status.line})`;
  switch (status.state) {
    case 'heading':
      return `✓ ${element.title} — under "${status.heading}", ${at}`;
    case 'prose':
      return `✓ ${element.title} — in prose, ${at}: '${status.words!.join(' … ')}'`;
    case 'empty':
      return `✗ ${element.title} — "${status.heading}" (${at}) holds only placeholder text. *${element.prompt}*`;
    case 'missing':
      return `✗ ${element.title} — not found. *${element.prompt}*`;
  }
}

function mappingLines(catalog: Catalog, control: Control): string[] {
  return controlMappings(catalog, control).flatMap((mapping) => {
    const label = mapping.notes.length ? ` (${mapping.notes.join('; ')})` : '';
    const links = mapping.links.map((link) => `${link.id}${link.title ? ` ${link.title}` : ''}${link.addedInReview ? ' *(added in review)*' : ''}`);
    return ['', `**${mapping.title}**${label}: ${links.join('; ')}`];
  });
}

function coverageLines(context: ServerContext, entry: SessionDocument, control: Control): string[] {
  const { set } = entry;
  // The cached coverage: computed again only after a document naming the control changed.
  const coverage = set.coverage.control(control, context.workspace.session.today(set));
  let lines = coverageLinesOf.get(coverage);
  if (!lines) coverageLinesOf.set(coverage, (lines = describeCoverage(set.config.root, coverage)));
  // The SoA's entry is read afresh: it changes without the control's coverage changing.
  return [...lines, ...statementLines(entry, control, coverage.state === 'excluded')];
}

/** The lines of each cached control coverage. */
const coverageLinesOf = new WeakMap<ControlCoverage, string[]>();

/**
 * How many claiming documents, and how many exclusions, a hover lists: on 10,000 documents a control
 * may have hundreds of claims, a card nobody reads that cost every hover of it milliseconds to send.
 * Those with a gap come first; the control page, the coverage view and `clausewise trace` list all.
 */
const HOVER_LISTED = 10;

function describeCoverage(root: string, coverage: ControlCoverage): string[] {
  const name = (path: string, id?: string) => id ?? relative(root, path);
  const lines = [`**Coverage:** ${coverage.state}`];
  const complete = coverage.claims.filter((claim) => claim.complete);
  const claims = [...coverage.claims.filter((claim) => !claim.complete), ...complete];
  for (const claim of claims.slice(0, HOVER_LISTED)) {
    const gaps = [...claim.missing.map((id) => `missing ${id}`), ...claim.empty.map((id) => `empty ${id}`), ...(claim.overdue ? [`review overdue since ${claim.reviewDue}`] : [])];
    lines.push(`- ${name(claim.path, claim.documentId)} ${claim.title ?? ''} — ${claim.status ?? 'no status'}${claim.complete ? ' ✓' : ''}${gaps.length ? ` (${gaps.join(', ')})` : ''}`);
  }
  const moreClaims = claims.length - HOVER_LISTED;
  if (moreClaims > 0) lines.push(`- … and ${moreClaims} more documents (${complete.length} of the ${claims.length} complete): the control page, the coverage view and \`clausewise trace ${coverage.id}\` list them all`);
  for (const exclusion of coverage.exclusions.slice(0, HOVER_LISTED)) {
    lines.push(`- excluded by ${name(exclusion.path, exclusion.documentId)}${exclusion.justification ? `: ${exclusion.justification}` : ''}${exclusion.valid ? '' : ` (not valid: ${exclusion.problems.join(', ')})`}`);
  }
  if (coverage.exclusions.length > HOVER_LISTED) lines.push(`- … and ${coverage.exclusions.length - HOVER_LISTED} more exclusions`);
  if (coverage.state !== 'covered' && coverage.state !== 'excluded') lines.push('', ...coverage.reasons.map((reason) => `*${reason}*`));
  return lines;
}

/** What the policy set's SoA says about the control: status, owner and reasons (nothing without an SoA document, or for an excluded control it leaves out). */
function statementLines(entry: SessionDocument, control: Control, excluded: boolean): string[] {
  const soa = soaDocuments(entry.set.index)[0];
  if (!soa) return [];
  const name = soa.id?.value ?? relative(entry.set.config.root, soa.path);
  const said = entryFor(entry.set.catalog, soa.applicability ?? [], control.id);
  if (!said) return excluded ? [] : ['', `**Statement of Applicability** (${name}): no entry for this control yet`];
  const facts = [said.status?.value ?? 'no status', said.owner && `owner: ${said.owner.value}`, ...said.reasons.map((reason) => `${reason.kind}: ${reason.reference.value}`)].filter(Boolean);
  return ['', `**Statement of Applicability** (${name}): ${facts.join(' · ')}`];
}

function keyHover(key: string): string | undefined {
  const info = frontmatterKey(key);
  if (!info) return undefined;
  return [`**${key}**`, '', info.description, ...(info.values ? ['', `Values: ${info.values.map((value) => `\`${value}\``).join(' | ')}`] : [])].join('\n');
}

function documentHover(entry: SessionDocument, id: string): string {
  const { index, config } = entry.set;
  const documents = index.withId(id);
  if (documents.length === 0) return `**${id}**: no policy document in this workspace has this id.`;
  return documents
    .map((summary) => {
      const facts = [summary.type, summary.status, summary.owner && `owner: ${summary.owner}`].filter(Boolean).join(' · ');
      const referencedBy = index.referencing(id).map((other) => other.id?.value ?? relative(config.root, other.path));
      return [`**${id}** ${summary.title ?? ''}`, '', facts, '', `\`${relative(config.root, summary.path)}\``, ...(referencedBy.length ? ['', `Listed in related by: ${referencedBy.join(', ')}`] : [])].join('\n');
    })
    .join('\n\n---\n\n');
}
