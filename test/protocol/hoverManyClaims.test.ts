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
