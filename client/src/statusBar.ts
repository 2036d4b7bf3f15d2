import { EventEmitter, MarkdownString, StatusBarAlignment, ThemeColor, window, type Command, type StatusBarItem } from 'vscode';
import type { ConfigProblem } from './configProblem';
import type { CatalogName, CoverageTotals } from '../../server/src/protocol/customMessages';
import { COMMANDS } from './commands/ids';

/** The status bar item: coverage of the policy set in view (`27799 96/114`), or what the server is doing. */
export class CoverageStatusBar {
  private readonly item: StatusBarItem;
  private readonly shown = new EventEmitter<string>();
  private catalog?: CatalogName;
  /** Fires with each text the item shows (tests see a passing "restarting" the next refresh replaces). */
  readonly onDidShow = this.shown.event;

  constructor() {
    this.item = window.createStatusBarItem('clausewise.coverage', StatusBarAlignment.Left, 10);
    this.item.name = 'Clausewise coverage';
  }

  /** The server is starting (or indexing): a spinner with the catalog's short name. */
  starting(): void {
    this.show(`$(sync~spin) ${this.label()}`, 'Clausewise: starting the language server and indexing the policy documents…', COMMANDS.showOutput);
  }

  /** The coverage of the policy set in view; click opens the coverage report. */
  coverage(catalog: CatalogName, totals: CoverageTotals): void {
    this.catalog = catalog;
    const covered = `${totals.covered} of ${totals.applicable} applicable controls covered (${totals.coveredPercent.toFixed(1)} %)`;
    const counts = `${plural(totals.gap, 'gap')} · ${totals.partial} partial · ${totals.excluded} excluded · ${totals.total} controls`;
    const tooltip = new MarkdownString([`**${catalog.name}**: ${covered}`, '', counts, '', 'Click to open the coverage report.'].join('\n'));
    // The screen reader's label: plain text (Markdown is only rendered in the tooltip), the counts as a sentence.
    const label = `Clausewise coverage, ${catalog.name}: ${covered}; ${counts.replaceAll(' · ', ', ')}. Opens the coverage report.`;
    this.show(`${catalog.short} ${totals.covered}/${totals.applicable}`, { markdown: tooltip, label }, COMMANDS.showCoverageReport);
  }

  /** A config has a problem: the coverage shown would mislead; click opens the config at the problem. */
  configError(problem: ConfigProblem): void {
    const open: Command = { title: 'Open the config', command: 'vscode.open', arguments: [problem.uri, { selection: problem.range }] };
    const tooltip = `Clausewise: ${problem.message}${problem.blocking ? ' The config cannot be used until this is fixed.' : ' That part is ignored; the rest of the config is used.'} Click to open the config.`;
    this.show('$(warning) Clausewise: config error', tooltip, open, problem.blocking ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
  }

  /** The server stopped unexpectedly and is being restarted. */
  restarting(reason: string): void {
    this.show(`$(sync~spin) ${this.label()} restarting`, `Clausewise: the language server stopped unexpectedly (${reason}) and is being restarted. See the "Clausewise" output.`, COMMANDS.showOutput, 'statusBarItem.warningBackground');
  }

  /** The server is not running and will not come back by itself. */
  failed(reason: string): void {
    this.show(`$(error) ${this.label()}`, `Clausewise: ${reason} Click to restart the language server.`, COMMANDS.restartServer, 'statusBarItem.errorBackground');
  }

  /** What the item shows now (for tests and the output channel). */
  text(): string {
    return this.item.text;
  }

  /** What a screen reader reads for the item now (plain text). */
  accessibleLabel(): string | undefined {
    return this.item.accessibilityInformation?.label;
  }

  dispose(): void {
    this.item.dispose();
    this.shown.dispose();
  }

  private label(): string {
    return this.catalog?.short ?? 'Clausewise';
  }

  /** A plain-text tooltip is also what a screen reader reads; a Markdown one comes with its own plain-text label. */
  private show(text: string, tooltip: string | { markdown: MarkdownString; label: string }, command: string | Command, background?: string): void {
    this.item.text = text;
    this.item.tooltip = typeof tooltip === 'string' ? tooltip : tooltip.markdown;
    this.item.accessibilityInformation = { label: typeof tooltip === 'string' ? tooltip : tooltip.label };
    this.item.command = command;
    this.item.backgroundColor = background ? new ThemeColor(background) : undefined;
    this.item.show();
    this.shown.fire(text);
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
