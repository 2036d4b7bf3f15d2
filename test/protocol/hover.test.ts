import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySamples, positionOf, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer;
let root: string;
let text: string;
let uri: string;

beforeAll(async () => {
  root = copySamples();
  server = startServer();
  await server.initialize(root);
  const path = join(root, 'authentication-standard.md');
  text = readFileSync(path, 'utf8');
  uri = uriOf(path);
  await server.open(uri, text);
});
afterAll(() => server.stop());

function hoverResult(position: { line: number; character: number }): Promise<{ contents: { kind: string; value: string } } | null> {
  return server.request('textDocument/hover', { textDocument: { uri }, position });
}

/** The Markdown of a hover that must be there. */
async function hoverAt(position: { line: number; character: number }): Promise<string> {
  const result = await hoverResult(position);
  expect(result).not.toBeNull();
  expect(result!.contents.kind).toBe('markdown');
  return result!.contents.value;
}

describe('hover', () => {
  it('on a clause id in clauses shows the control, its place, guidance, this document’s elements, mappings and coverage', async () => {
    const value = await hoverAt(positionOf(text, '9.4.2', 1));
    expect(value).toContain('**9.4.2 Secure log-on procedures**');
    expect(value).toContain('9 Access control › 9.4 System and application access control');
    expect(value).toMatch(/log-on step itself/);
    expect(value).toContain('*In a health organisation:*');
    expect(value).toMatch(/- ✓ Multi-factor authentication — under "[^"]+", \[line \d+\]\(file:\/\/\S+authentication-standard\.md#L\d+\)/);
    expect(value).toContain('**ISO/IEC 27002:2022**: 8.5 Secure authentication');
    expect(value).toContain('**Coverage:** covered');
    // The samples' SoA speaks for 9.4.2 through its entry for category 9.
    expect(value).toContain('**Statement of Applicability** (SOA-001): implemented · owner: Chief Information Security Officer · risk: R-005 inappropriate access to patient records · legal: Data Protection Act 2018, s.66 (security of processing)');
    expect(value).toContain('STD-AU-001 Authentication and Password Standard — approved ✓');
  });

  it('on a clause mentioned in the body shows the same card', async () => {
    expect(await hoverAt(positionOf(text, 'ISO 27799 9.4.2', 3))).toContain('**9.4.2 Secure log-on procedures**');
  });

  it('shows ✗ for the elements this document misses', async () => {
    const uncovered = text.replace('clauses: [9.3.1, 9.4.2, 9.4.3]', 'clauses: [9.3.1, 9.4.2, 9.4.3, 12.3.1]');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: uncovered }] });
    const value = await hoverAt(positionOf(uncovered, '12.3.1', 1));
    expect(value).toContain('**12.3.1 Information backup** · essential');
    expect(value).toMatch(/- ✗ Restore testing — not found\. \*Say how often restores are tested/);
    expect(value).toMatch(/HIPAA Security Rule.*\(derived, not official; reviewed\): 164\.308\(a\)\(7\) Contingency plan; 164\.308\(a\)\(7\)\(ii\)\(A\) Data backup plan \*\(added in review\)\*/);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
  });

  it('lists an element found in prose with its line, a link to it, and the words that matched', async () => {
    const sentence = 'All user accounts are reviewed quarterly by the system owner, who removes rights no longer needed.';
    const withReview = `${text.replace('clauses: [9.3.1, 9.4.2, 9.4.3]', 'clauses: [9.3.1, 9.4.2, 9.4.3, 9.2.5]')}\n${sentence}\n`;
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: withReview }] });
    const value = await hoverAt(positionOf(withReview, '9.2.5', 1));
    const line = withReview.split('\n').indexOf(sentence) + 1;
    expect(value).toContain(`- ✓ Access reviewers — in prose, [line ${line}](${uri}#L${line}): '`);
    expect(value).toMatch(/Access reviewers — in prose, [^\n]*'[^'\n]*system owner[^'\n]*'/);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 5 }, contentChanges: [{ text }] });
  });

  it('on a frontmatter key shows its schema description', async () => {
    expect(await hoverAt(positionOf(text, 'review-every', 2))).toBe('**review-every**\n\nReview cycle, e.g. 12 months, 1 year, 26 weeks.');
    expect(await hoverAt(positionOf(text, 'status:', 1))).toContain('Values: `draft` | `in-review` | `approved` | `retired`');
  });

  it('on a document id in related shows its title, status, owner and path', async () => {
    const value = await hoverAt(positionOf(text, 'POL-AC-001', 2));
    expect(value).toContain('**POL-AC-001** Access Control Policy');
    expect(value).toContain('policy · approved · owner: Chief Information Security Officer');
    expect(value).toContain('`access-control-policy.md`');
  });

  it('in the SoA document explains the entry keys and reason kinds, and shows a group id as its controls', async () => {
    const soaPath = join(root, 'statement-of-applicability.md');
    const soaText = readFileSync(soaPath, 'utf8');
    const soaUri = uriOf(soaPath);
    await server.open(soaUri, soaText);
    const at = async (position: { line: number; character: number }) => (await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: soaUri }, position }))?.contents.value;
    const status = await at(positionOf(soaText, '    status: implemented', 6));
    expect(status).toContain('**applicability.status**');
    expect(status).toContain('Values: `implemented` | `partial` | `planned` | `not-implemented`');
    expect(await at(positionOf(soaText, '- legal:', 4))).toMatch(/^\*\*applicability\.reasons\.legal\*\*\n\nA law or regulation/);
    const group = await at(positionOf(soaText, 'control: "9"', 10));
    expect(group).toContain('**9 Access control** (category)');
    expect(group).toContain('- 9.4.2 Secure log-on procedures');
  });

  it('elsewhere answers null', async () => {
    expect(await hoverResult(positionOf(text, '# Authentication', 3))).toBeNull();
  });
});
