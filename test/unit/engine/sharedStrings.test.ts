import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../server/src/findings/types';
import type { DocumentSummary } from '../../../server/src/model/summary';
import { SharedStrings } from '../../../server/src/engine/sharedStrings';

// Each analysis from a checking thread arrives as a fresh copy; two copies stand for two documents lacking the same elements.
const copy = <T>(value: T): T => structuredClone(value);

const finding: Finding = {
  ruleId: 'missing-element',
  severity: 'error',
  message: '9.4.2 Secure log-on procedures: 1 of 2 elements not found — Session time-out',
  path: '/ws/a.md',
  range: { start: 10, end: 15 },
  clause: '9.4.2',
  elements: [{ id: 'session-timeout', title: 'Session time-out' }],
  related: [{ message: '"Session time-out" is not addressed', range: { start: 10, end: 15 } }],
  fixes: [{ title: 'Insert section "Session time-out" for 9.4.2', edits: [{ range: { start: 99, end: 99 }, newText: '\n## Session time-out\n' }], automatic: false, claims: ['9.4.2'] }],
};

const summary = (path: string): DocumentSummary => ({
  path,
  isPolicy: true,
  owner: 'Chief Information Security Officer',
  status: 'approved',
  clauses: [{ value: '9.4.2', source: '9.4.2', range: { start: 1, end: 6 } }],
  exclusions: [],
  related: [],
  links: [],
  mentions: [],
  elements: { '9.4.2': [{ id: 'session-timeout', state: 'missing' }, { id: 'lockout', state: 'heading', line: 7, heading: 'Lockout' }] },
  headings: [{ depth: 2, title: 'Lockout', start: 40 }],
});

describe('the shared strings of analyses', () => {
  it('keep one object for an element two documents\' findings name, and change no finding', () => {
    const pool = new SharedStrings();
    const [first, second] = [copy(finding), copy(finding)];
    pool.shareFindings([first]);
    pool.shareFindings([second]);
    expect(second).toEqual(finding);
    expect(second.elements![0]).toBe(first.elements![0]);
    // One document's equal places are one object (the related note points where the finding does); each document has its own.
    expect(first.related![0]!.range).toBe(first.range);
    expect(second.related![0]!.range).not.toBe(first.related![0]!.range);
    expect(second.fixes[0]!.edits[0]).not.toBe(first.fixes[0]!.edits[0]);
  });

  it('keep one object for an element found nowhere, and each document\'s own for an element found in it', () => {
    const pool = new SharedStrings();
    const first = { summary: summary('/ws/a.md'), findings: [], suppressions: [], bom: false };
    const second = { summary: summary('/ws/b.md'), findings: [], suppressions: [], bom: false };
    pool.shareAnalysis(first);
    pool.shareAnalysis(second);
    expect(second.summary).toEqual(summary('/ws/b.md'));
    expect(second.summary.elements['9.4.2']![0]).toBe(first.summary.elements['9.4.2']![0]);
    expect(second.summary.elements['9.4.2']![1]).not.toBe(first.summary.elements['9.4.2']![1]);
  });
});
