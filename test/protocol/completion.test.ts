import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList } from 'vscode-languageserver';
import { copySamples, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer;
let uri: string;
let version = 1;

beforeAll(async () => {
  const root = copySamples('with-problems');
  server = startServer();
  await server.initialize(root);
  uri = uriOf(join(root, 'draft.md'));
  await server.open(uri, '');
});
afterAll(() => server.stop());

/** Completion at the `|` in `textWithCursor` (the document is replaced with that text first). */
async function complete(textWithCursor: string): Promise<CompletionItem[]> {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  const before = text.slice(0, offset).split('\n');
  await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
  const list = await server.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: { line: before.length - 1, character: before.at(-1)!.length } });
  return list?.items ?? [];
}

const newText = (item: CompletionItem | undefined) => (item?.textEdit as { newText: string } | undefined)?.newText;

describe('completion', () => {
  it('offers the frontmatter keys not yet used, with a snippet for excludes items', async () => {
    const items = await complete('---\nid: DRAFT-1\n|\n---\n# Draft\n');
    const labels = items.map((item) => item.label);
    expect(labels).toContain('clauses');
    expect(labels).not.toContain('id');
    expect(newText(items.find((item) => item.label === 'excludes'))).toBe('excludes:\n  - clause: $1\n    justification: $2');
    expect(items.find((item) => item.label === 'owner')?.documentation).toMatch(/accountable/);
  });

  it('offers the enum values of type and status', async () => {
    expect((await complete('---\nid: DRAFT-1\nstatus: |\n---\n')).map((item) => item.label)).toEqual(['draft', 'in-review', 'approved', 'retired']);
    expect((await complete('---\nid: DRAFT-1\ntype: pro|\n---\n')).map((item) => item.label)).toContain('procedure');
  });

  it('offers clause ids with their titles inside clauses, filtered as typed, objectives included', async () => {
    const items = await complete('---\nid: DRAFT-1\nclauses: [9.1.1, 9.4|]\n---\n');
    expect(items.map((item) => item.label)).toEqual(['9.4', '9.4.1', '9.4.2', '9.4.3', '9.4.4', '9.4.5']);
    expect(items[2]).toMatchObject({ detail: 'Secure log-on procedures' });
    expect(newText(items[0])).toBe('9.4.1, 9.4.2, 9.4.3, 9.4.4, 9.4.5');
    const block = await complete('---\nid: DRAFT-1\nclauses:\n  - 9.1.1\n  - 9.1|\n---\n');
    expect(block.map((item) => item.label)).toEqual(['9.1.2']);
    const words = await complete('---\nid: DRAFT-1\nclauses: [password|]\n---\n');
    expect(words.map((item) => `${item.label} ${item.detail}`)).toEqual(['9.4.3 Password management system']);
  });

  it('offers control ids in an excludes item, and the item keys on a new item', async () => {
    const ids = await complete('---\nid: DRAFT-1\nexcludes:\n  - clause: 11.1.|\n---\n');
    expect(ids.map((item) => item.label)).toContain('11.1.6');
    const keys = await complete('---\nid: DRAFT-1\nexcludes:\n  - |\n---\n');
    expect(newText(keys[0])).toBe('clause: $1\n    justification: $2');
    expect(keys.map((item) => item.label)).toEqual(['clause + justification', 'clause', 'justification', 'until']);
  });

  it('offers the SoA entry keys, reason kinds, statuses and clause ids in applicability', async () => {
    const entry = await complete('---\nid: SOA-1\ntype: soa\napplicability:\n  - |\n---\n');
    expect(entry.map((item) => item.label)).toEqual(['control + reasons + owner + status', 'control', 'reasons', 'owner', 'status', 'evidence']);
    expect(newText(entry[0])).toBe('control: $1\n    reasons:\n      - risk: $2\n    owner: $3\n    status: ${4|implemented,partial,planned,not-implemented|}');
    const kinds = await complete('---\nid: SOA-1\ntype: soa\napplicability:\n  - control: 9.4.2\n    reasons:\n      - |\n---\n');
    expect(kinds.map((item) => item.label)).toEqual(['risk', 'legal', 'contract', 'business']);
    const statuses = await complete('---\nid: SOA-1\ntype: soa\napplicability:\n  - control: 9.4.2\n    status: p|\n---\n');
    expect(statuses.map((item) => item.label)).toEqual(['implemented', 'partial', 'planned', 'not-implemented']);
    const ids = await complete('---\nid: SOA-1\ntype: soa\napplicability:\n  - control: 9.4.|\n---\n');
    expect(ids.map((item) => item.label)).toContain('9.4.2');
    const keys = await complete('---\nid: SOA-1\ntype: soa\napplicability:\n  - control: 9.4.2\n    ow|\n---\n');
    expect(keys.map((item) => item.label)).toContain('owner');
  });

  it('offers the ids of the other documents in related', async () => {
    const items = await complete('---\nid: DRAFT-1\nclauses: []\nrelated: [STD-BK-002, |]\n---\n');
    expect(items.map((item) => item.label).sort()).toEqual(['POL-CR-001', 'PRC-RS-001', 'SOA-RV-001', 'STD-TW-001']);
    expect(items.find((item) => item.label === 'STD-TW-001')?.detail).toBe('Teleworking Standard');
  });

  it('offers the missing elements of the claimed controls at a new heading', async () => {
    const items = await complete('---\nid: DRAFT-1\nclauses: [12.3.1]\n---\n# Draft\n\n## Backup scope\n\nEverything clinical.\n\n## |\n');
    expect(items.map((item) => item.label)).toEqual(['Backup schedule', 'Backup storage and protection', 'Backup retention', 'Restore testing']);
    expect(items[3]).toMatchObject({ detail: 'missing for 12.3.1 Information backup', insertTextFormat: 2 });
    expect(newText(items[3])).toMatch(/^Restore testing\n\n\$\{1:TODO: Say how often restores are tested/);
  });
});
