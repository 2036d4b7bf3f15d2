import { describe, expect, it } from 'vitest';
import type { Element } from '../../../server/src/catalog/types';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { matchElements } from '../../../server/src/policy/elementMatch';
import { wordsOf } from '../../../server/src/text/words';

// A long-lived server can read more distinct words than the process files (100,000) and gives stem
// ids (65,536) to: words past those limits must be matched exactly as before. This file has its own
// module state (vitest runs each test file apart), so filling it here disturbs no other test.
const element = (evidence: string[][]): Element => ({ id: 'e', title: 'Zulu yankee xray', aliases: [], prompt: 'p', evidence });
const state = (body: string, evidence: string[][]) => matchElements(parsePolicyDocument('/p.md', `---\nid: P\nclauses: [9.2.5]\n---\n# Access control\n\n${body}\n`), [element(evidence)], 'prose')[0]!.state;

describe('evidence past the words a process files and the stems it numbers', () => {
  it('finds word starts and stems among words read after both limits, and no other word', () => {
    expect(state('User access is recertified each year.', [['recertif*'], ['access']])).toBe('prose');
    // 120,000 distinct made-up words, each its own stem.
    for (let i = 0; i < 120_000; i += 1000) wordsOf(Array.from({ length: 1000 }, (_, k) => `zq${(i + k).toString(36)}x`).join(' '));
    // Words never read before: filed nowhere, all with the one shared stem id.
    expect(state('Access quibblings are logged.', [['quibbl*'], ['access']])).toBe('prose');
    expect(state('Access quabblings are logged.', [['quibbl*'], ['access']])).toBe('missing');
    expect(state('Access zorbifications are logged.', [['zorbification'], ['access']])).toBe('prose');
    expect(state('Access florbifications are logged.', [['zorbification'], ['access']])).toBe('missing');
    // Words read before the limits still match as before.
    expect(state('User access is recertified each year.', [['recertif*'], ['access']])).toBe('prose');
  });
});
