import { describe, expect, it } from 'vitest';
import { fixAllSummary } from '../../../server/src/findings/fixSummary';
import type { Finding, FindingElement } from '../../../server/src/findings/types';

const element = (id: string): FindingElement => ({ id, title: id });
const finding = (ruleId: string, elements: string[]): Finding => ({
  ruleId,
  severity: 'error',
  message: `${ruleId} of 9.4.2`,
  path: '/p.md',
  range: { start: 0, end: 0 },
  fixes: [],
  clause: '9.4.2',
  elements: elements.map(element),
});
const inserted = (...ids: string[]) => [{ finding: finding('missing-element', ids), fix: { title: 'Insert all', edits: [], automatic: true, stubs: ids.map((id) => ({ clause: '9.4.2', element: id })) } }];

describe('fixAllSummary', () => {
  it('does not count a control’s empty-element finding as left when it names only the stubs just inserted', () => {
    expect(fixAllSummary(inserted('mfa', 'lockout'), [finding('empty-element', ['mfa', 'lockout'])], '')).toBe('inserted 2 section stubs (write each TODO); nothing else needs you');
  });

  it('names the control when its empty-element finding also names a section the author left empty before', () => {
    expect(fixAllSummary(inserted('mfa'), [finding('empty-element', ['banner', 'mfa'])], '')).toBe('inserted 1 section stub (write each TODO); 9.4.2 needs you');
  });
});
