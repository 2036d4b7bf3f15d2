import { basename } from 'node:path';
import { MarkdownString, Range, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri } from 'vscode';
import type {
  CatalogCategory, CatalogObjective, ClaimElement, ControlCoverage, CoverageClaim, CoverageExclusion,
} from '../../../server/src/protocol/customMessages';
import { COMMANDS } from '../commands/ids';
import { describeCounts, type StateCounts } from './coverageModel';
import { STATE_ICONS } from './stateIcons';

/** A node of the Coverage tree: category › objective › control › the documents that claim or exclude it. */
export type CoverageNode =
  | { kind: 'category'; id: string; category: CatalogCategory }
  | { kind: 'objective'; id: string; objective: CatalogObjective; parent: CoverageNode }
  | { kind: 'control'; id: string; control: ControlCoverage; parent: CoverageNode }
  | { kind: 'claim'; id: string; control: ControlCoverage; claim: CoverageClaim; parent: CoverageNode }
  | { kind: 'exclusion'; id: string; control: ControlCoverage; exclusion: CoverageExclusion; parent: CoverageNode }
  | { kind: 'element'; id: string; control: ControlCoverage; claim: CoverageClaim; element: ClaimElement; title: string; parent: CoverageNode };

/** The arguments of `clausewise.coverage.insertElement`: insert the section for an element a document lacks. */
export interface ElementTarget {
  path: string;
  controlId: string;
  title: string;
}

/** The arguments of `clausewise.openClaim`: open a document at the frontmatter line that claims or excludes a control. */
export interface ClaimTarget {
  path: string;
  controlId: string;
  excluded: boolean;
  /** The 0-based line of the entry, when the caller knows it (a register row): no need to ask the server. */
  line?: number;
}

/** A category or objective: its counts per state as the description. */
export function groupItem(node: CoverageNode & { kind: 'category' | 'objective' }, counts: StateCounts): TreeItem {
  const entry = node.kind === 'category' ? node.category : node.objective;
  const item = new TreeItem(`${entry.id} ${entry.title}`, TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  item.description = describeCounts(counts);
  item.iconPath = new ThemeIcon(counts.gap ? 'folder' : 'folder-active');
  item.tooltip = `${entry.id} ${entry.title}\n${describeCounts(counts)}`;
  item.contextValue = node.kind;
  return item;
}

/** A control: its state as icon and description; the tooltip says why (reasons, or the exclusion's justification). */
export function controlItem(node: CoverageNode & { kind: 'control' }): TreeItem {
  const { control } = node;
  const hasDocuments = control.claims.length + control.exclusions.length > 0;
  const item = new TreeItem(`${control.id} ${control.title}`, hasDocuments ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.None);
  item.id = node.id;
  item.iconPath = STATE_ICONS[control.state];
  item.description = controlDescription(control);
  item.tooltip = controlTooltip(control);
  // `control-gap-essential`: the menus offer no exclusion of a control a health organisation may not exclude.
  item.contextValue = `control-${control.state}${control.essential ? '-essential' : ''}`;
  item.accessibilityInformation = { label: `${control.id} ${control.title}: ${control.state}` };
  return item;
}

/** A document that claims the control; click opens it at the claim; its children are the control's elements there. */
export function claimItem(node: CoverageNode & { kind: 'claim' }): TreeItem {
  const { claim, control } = node;
  const item = new TreeItem(claim.documentId ?? basename(claim.path), claim.elements.length ? TreeItemCollapsibleState.Collapsed : TreeItemCollapsibleState.None);
  item.id = node.id;
  item.resourceUri = Uri.file(claim.path);
  const problems = claimProblems(claim);
  item.iconPath = claim.complete ? STATE_ICONS.covered : STATE_ICONS.partial;
  item.description = [claim.title, claim.status ?? 'no status', ...problems].filter(Boolean).join(' · ');
  item.tooltip = new MarkdownString([`**${claim.documentId ?? basename(claim.path)}** ${claim.title ?? ''} claims ${control.id}`, '', ...(problems.length ? problems.map((problem) => `- ${problem}`) : ['Approved, current and complete.'])].join('\n'));
  item.command = { command: COMMANDS.openClaim, title: 'Open at the claim', arguments: [{ path: claim.path, controlId: control.id, excluded: false } satisfies ClaimTarget] };
  item.contextValue = 'claim';
  return item;
}

/** A document that excludes the control; the tooltip holds the justification. */
export function exclusionItem(node: CoverageNode & { kind: 'exclusion' }): TreeItem {
  const { exclusion, control } = node;
  const item = new TreeItem(exclusion.documentId ?? basename(exclusion.path), TreeItemCollapsibleState.None);
  item.id = node.id;
  item.resourceUri = Uri.file(exclusion.path);
  item.iconPath = exclusion.valid ? STATE_ICONS.excluded : STATE_ICONS.gap;
  item.description = `excludes${exclusion.valid ? '' : ' (not valid)'}: ${exclusion.justification ?? 'no justification'}`;
  item.tooltip = exclusionTooltip(control, exclusion);
  item.command = { command: COMMANDS.openClaim, title: 'Open at the exclusion', arguments: [{ path: exclusion.path, controlId: control.id, excluded: true } satisfies ClaimTarget] };
  item.contextValue = 'exclusion';
  return item;
}

/** An element of a claimed control, titled by its title: click goes to where the document addresses it, or inserts its section when it is not found. */
export function elementItem(node: CoverageNode & { kind: 'element' }): TreeItem {
  const { element, claim, control, title } = node;
  const item = new TreeItem(title, TreeItemCollapsibleState.None);
  item.id = node.id;
  const where = element.line ? ` · line ${element.line}` : '';
  const description = {
    heading: `found under "${element.heading ?? ''}"${where}`,
    prose: `found in the text (${(element.words ?? []).join(', ')})${where}`,
    empty: `section "${element.heading ?? ''}" has no text yet${where}`,
    missing: 'not found: click to insert its section',
  }[element.state];
  item.description = description;
  item.iconPath = element.state === 'missing' ? STATE_ICONS.gap : element.state === 'empty' ? STATE_ICONS.partial : STATE_ICONS.covered;
  item.tooltip = `${title} (${control.id} ${control.title}) in ${claim.documentId ?? basename(claim.path)}: ${description}`;
  item.accessibilityInformation = { label: `${title}: ${description}` };
  const uri = Uri.file(claim.path);
  item.command = element.state === 'missing' || !element.line
    ? { command: COMMANDS.insertElement, title: 'Insert its section', arguments: [{ path: claim.path, controlId: control.id, title } satisfies ElementTarget] }
    : { command: 'vscode.open', title: 'Go to where it is found', arguments: [uri, { selection: new Range(element.line - 1, 0, element.line - 1, 0) }] };
  item.contextValue = `element-${element.state}`;
  return item;
}

function controlDescription(control: ControlCoverage): string {
  if (control.state === 'excluded') return `excluded — ${control.exclusions.find((exclusion) => exclusion.valid)?.justification ?? ''}`;
  if (control.state === 'partial' && control.reasons[0]) return `partial — ${control.reasons[0]}`;
  return control.state;
}

function controlTooltip(control: ControlCoverage): MarkdownString {
  const lines = [`**${control.id} ${control.title}**${control.essential ? ' · essential' : ''}`, '', `State: **${control.state}**`];
  const valid = control.exclusions.find((exclusion) => exclusion.valid);
  if (control.state === 'excluded' && valid) lines.push('', `Justification: ${valid.justification ?? ''}${valid.until ? ` (until ${valid.until})` : ''}`);
  if (control.reasons.length) lines.push('', ...control.reasons.map((reason) => `- ${reason}`));
  if (control.claims.length) lines.push('', `Claimed by ${control.claims.map((claim) => claim.documentId ?? basename(claim.path)).join(', ')}`);
  const tooltip = new MarkdownString(lines.join('\n'));
  tooltip.supportThemeIcons = false;
  return tooltip;
}

function exclusionTooltip(control: ControlCoverage, exclusion: CoverageExclusion): MarkdownString {
  const lines = [
    `**${exclusion.documentId ?? basename(exclusion.path)}** excludes ${control.id} ${control.title}`,
    '',
    `Justification: ${exclusion.justification ?? '(none)'}`,
    ...(exclusion.until ? [`Until: ${exclusion.until}`] : []),
    ...(exclusion.owner ? [`Owner: ${exclusion.owner}`] : []),
    ...(exclusion.valid ? [] : ['', `Not valid: ${exclusion.problems.join('; ')}`]),
  ];
  return new MarkdownString(lines.join('\n\n'));
}

function claimProblems(claim: CoverageClaim): string[] {
  return [
    ...claim.missing.map((element) => `missing ${element}`),
    ...claim.empty.map((element) => `empty ${element}`),
    ...(claim.overdue ? [`review overdue since ${claim.reviewDue ?? '?'}`] : []),
  ];
}
