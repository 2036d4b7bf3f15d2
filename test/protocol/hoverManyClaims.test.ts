import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyText, tempWorkspace } from '../helpers/tempWorkspace';
import { positionOf, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer;
let text: string;
let uri: string;

beforeAll(async () => {
  // Fourteen drafts claim 12.3.1: more than a hover lists.
  const files: Record<string, string> = {};
  for (let n = 1; n <= 14; n++) files[`pol-${String(n).padStart(2, '0')}.md`] = policyText(`POL-${String(n).padStart(2, '0')}`, '', '# Backup\n\nText.\n').replace('clauses: []', 'clauses: [12.3.1]');
  const root = tempWorkspace(files);
  server = startServer();
  await server.initialize(root);
  const path = join(root, 'pol-01.md');
  text = readFileSync(path, 'utf8');
  uri = uriOf(path);
  await server.open(uri, text);
});
afterAll(() => server.stop());

describe('hover on a control many documents claim', () => {
  it('lists ten of them and says how many more there are and where to see them all', async () => {
    const result = await server.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '12.3.1', 1) });
    const value = result!.contents.value;
    const listed = value.split('\n').filter((line) => /^- POL-\d\d /.test(line));
    expect(listed).toHaveLength(10);
    expect(value).toContain('- … and 4 more documents (0 of the 14 complete): the control page, the coverage view and `clausewise trace 12.3.1` list them all');
  });
});

describe('hover on a control more documents claim than it lists', () => {
  it('lists those with a gap first', async () => {
    // Eleven complete claims of 9.4.2 (copies of the samples' approved standard) and one draft with gaps, named to sort last.
    const standard = readFileSync(join(__dirname, '..', '..', 'samples', 'authentication-standard.md'), 'utf8');
    const files: Record<string, string> = {};
    for (let n = 10; n <= 20; n++) files[`std-${n}.md`] = standard.replace('id: STD-AU-001', `id: STD-AU-0${n}`);
    const draft = policyText('POL-ZZ', '', '# Log-on\n\nText.\n').replace('clauses: []', 'clauses: [9.4.2]');
    files['zz-draft.md'] = draft;
    const root = tempWorkspace(files);
    const other = startServer();
    try {
      await other.initialize(root);
      const draftUri = uriOf(join(root, 'zz-draft.md'));
      await other.open(draftUri, draft);
      const result = await other.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: draftUri }, position: positionOf(draft, '9.4.2', 1) });
      const listed = result!.contents.value.split('\n').filter((line) => /^- (POL|STD)-/.test(line));
      expect(listed).toHaveLength(10);
      expect(listed[0]).toMatch(/^- POL-ZZ /);
      expect(listed.slice(1).every((line) => line.includes(' ✓'))).toBe(true);
      expect(result!.contents.value).toContain('- … and 2 more documents (11 of the 12 complete)');
    } finally {
      await other.stop();
    }
  });
});
