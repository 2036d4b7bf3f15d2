import { categoryRollups } from '../../model/coverageViews';
import { paint, type Output } from '../terminal';
import { headline, notes, projectionNote, type CoverageInput } from '../../report/coverage/common';

const WIDTH = 20;

/** The terminal view: a bar per category, then every control that is not covered or excluded. */
export function formatCoverageTable(input: CoverageInput, output: Pick<Output, 'color'>): string {
  const projection = projectionNote(input.report);
  const lines = [paint(output, 'bold', `${input.catalog.info.name} coverage (${input.documents} policy documents, ${input.report.today})`), headline(input.report.totals), ...(projection ? [paint(output, 'dim', projection)] : []), ''];
  for (const category of categoryRollups(input.report, input.catalog)) {
    const { covered, partial, excluded, gap } = category.counts;
    const cells = (count: number) => Math.round((count / category.total) * WIDTH);
    let bar = paint(output, 'green', '█'.repeat(cells(covered))) + paint(output, 'gray', '▒'.repeat(cells(excluded))) + paint(output, 'yellow', '▓'.repeat(cells(partial)));
    const used = cells(covered) + cells(excluded) + cells(partial);
    bar += paint(output, 'red', '░'.repeat(Math.max(0, WIDTH - used)));
    const label = `${category.id.padStart(2)}  ${category.title}`.padEnd(56).slice(0, 56);
    lines.push(`${label} ${bar} ${String(covered + excluded).padStart(3)}/${category.total}${partial ? `  ${partial} partial` : ''}${gap ? `  ${gap} gap` : ''}`);
  }
  lines.push('', paint(output, 'dim', '█ covered  ▒ excluded  ▓ partial  ░ gap'));
  const open = input.report.controls.filter((control) => control.state === 'partial' || control.state === 'gap');
  if (open.length > 0) {
    lines.push('', paint(output, 'bold', 'Not covered'));
    for (const control of open) {
      const state = paint(output, control.state === 'gap' ? 'red' : 'yellow', control.state.padEnd(7));
      lines.push(`  ${control.id.padEnd(8)} ${state} ${control.title}${control.essential ? ' [essential]' : ''}`, `           ${notes(control)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
