import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MarkReviewedEditRequest, type MarkReviewedResult } from '../../server/src/protocol/reviewMessages';
import { tempWorkspace } from '../helpers/tempWorkspace';
import { appliedEdits, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const overdue = '---\nid: POL-R-1\ntitle: Review me\ntype: policy\nowner: CISO   # the owner\nstatus: approved\nversion: 1.0.0\napproved-by: Board\nlast-reviewed: 2024-05-01\nnext-review: 2025-05-01\nreview-every: 6 months\nclauses: []\n---\n# Review me\n';

describe('clausewise/markReviewedEdit', () => {
  it('sets last-reviewed to the policy set\'s today and moves next-review on by review-every, changing nothing else; the overdue warning goes', async () => {
    server = startServer();
    const root = tempWorkspace({ '.clausewise.yaml': 'today: 2026-12-05\n', 'r.md': overdue });
    await server.initialize(root);
    const uri = uriOf(join(root, 'r.md'));
    await server.open(uri, readFileSync(join(root, 'r.md'), 'utf8'));
    await server.waitForDiagnostics(uri, (list) => list.some((diagnostic) => diagnostic.code === 'review-overdue'));
    const result = await server.request<MarkReviewedResult>(MarkReviewedEditRequest.method, { uri });
    expect(result.lastReviewed).toBe('2026-12-05');
    expect(result.nextReview).toBe('2027-06-05');
    const after = appliedEdits(overdue, uri, result);
    expect(after).toBe(overdue.replace('last-reviewed: 2024-05-01', 'last-reviewed: 2026-12-05').replace('next-review: 2025-05-01', 'next-review: 2027-06-05'));
    await server.edit(uri, 2, { start: { line: 0, character: 0 }, end: { line: 14, character: 0 } }, after);
    await server.waitForDiagnostics(uri, (list) => !list.some((diagnostic) => diagnostic.code === 'review-overdue'));
  });

  it('refuses a document without frontmatter, saying what to do', async () => {
    server = startServer();
    const root = tempWorkspace({ '.clausewise.yaml': 'include: ["*.md"]\n', 'n.md': '# Notes\n' });
    await server.initialize(root);
    const uri = uriOf(join(root, 'n.md'));
    await server.open(uri, '# Notes\n');
    await expect(server.request('clausewise/markReviewedEdit', { uri })).rejects.toThrow(/n\.md cannot be marked as reviewed: it has no frontmatter; insert one first/);
  });
});
