import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { positionAt } from '../../../server/src/document/lines';
import { checkFolder, type CheckedFile } from '../../helpers/checkFolder';
import { fixturesDir } from '../../helpers/paths';

const dir = join(fixturesDir, 'rules', 'empty-element');
const checked = await checkFolder(dir);

/** The file's empty-element findings as a user reads them: line, message, elements, and each related place's line and note. */
function emptyFindings(name: string) {
  const file = checked.find((candidate) => candidate.path === join(dir, name))!;
  const line = (offset: number) => positionAt(file.document.lineStarts, offset).line + 1;
  return file.findings
    .filter((finding) => finding.ruleId === 'empty-element')
    .map((finding) => ({
      line: line(finding.range.start),
      message: finding.message,
      clause: finding.clause,
      element: finding.element,
      elements: finding.elements,
      related: finding.related?.map((place) => `${line(place.range.start)} ${place.message}`),
    }));
}

const lineOf = (file: CheckedFile | undefined, text: string) => file!.text.split('\n').findIndex((line) => line.startsWith(text)) + 1;

describe('empty-element', () => {
  it('reports the empty sections of a control as one finding on the first, naming each element and pointing at each section', () => {
    expect(emptyFindings('todo-heading.md')).toEqual([
      {
        line: 16,
        message: '9.4.2 Secure log-on procedures: 3 elements have no text yet — Failed log-on attempts, Session time-out, Log-on banner',
        clause: '9.4.2',
        element: undefined,
        elements: [
          { id: 'failed-log-on-attempts', title: 'Failed log-on attempts' },
          { id: 'session-timeout', title: 'Session time-out' },
          { id: 'log-on-banner', title: 'Log-on banner' },
        ],
        related: [
          '16 "Failed log-on attempts" holds only placeholder text; write what the organisation does there.',
          '20 "Session time-out" holds only placeholder text; write what the organisation does there.',
          '24 "Log-on banner" holds only placeholder text; write what the organisation does there.',
        ],
      },
    ]);
  });

  it('keeps the hint out of the message (it is in the clause hover) and says "1 element has" for one', () => {
    const [lead] = emptyFindings('lead-in.md');
    expect(lead!.message).toBe('11.2.8 Unattended user equipment: 1 element has no text yet — Automatic screen lock');
    expect(lead!.message).not.toContain('Hint');
  });

  it('gives each claimed control its own finding, on its first empty section in the document, naming a section matched by an alias with its element', () => {
    const file = checked.find((candidate) => candidate.path.endsWith('two-controls.md'));
    const findings = emptyFindings('two-controls.md');
    expect(findings.map((finding) => [finding.line, finding.clause, finding.elements!.map((element) => element.id)])).toEqual([
      [lineOf(file, '## Log-on banner'), '9.4.2', ['log-on-banner', 'failed-log-on-attempts']],
      [lineOf(file, '## Reference time source'), '12.4.4', ['time-source']],
    ]);
    expect(findings[1]!.related).toEqual([`${lineOf(file, '## Reference time source')} "Reference time source" (Time source) holds only placeholder text; write what the organisation does there.`]);
  });

  it('leaves a section out when a disable-next-line comment is above it, and still reports the control’s other empty sections', () => {
    const file = checked.find((candidate) => candidate.path.endsWith('suppressed.md'));
    const [finding, ...rest] = emptyFindings('suppressed.md');
    expect(rest).toEqual([]);
    expect(finding!.line).toBe(lineOf(file, '## Session time-out'));
    expect(finding!.message).toBe('9.4.2 Secure log-on procedures: 2 elements have no text yet — Session time-out, Log-on banner');
    expect(finding!.related!.join('\n')).not.toContain('Failed log-on attempts');
  });
});
