import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import type { PlainTextEdit, SuggestClausesResult } from '../../server/src/protocol/customMessages';
import { appliedEdits, copySamples, positionOf, startServer, uriOf, type TestServer } from './helpers/languageClient';

// The with-problems folder's config includes every *.md: an untagged file there is a policy without frontmatter.
const untagged = `# Password Policy

Staff of [Company Name] sign in with passwords that follow these rules.

## Password requirements

Passwords have at least 12 characters and are checked against lists of breached passwords.

## Protecting your password

Never share your password or write it down, and change it at once when someone else may know it.
`;

const tagged = `---
id: POL-PW-010
title: Passwords
type: policy
owner: Security lead
status: draft
version: 0.1.0
clauses:
  - 9.3.1
---
${untagged.slice(untagged.indexOf('\n') + 1)}`;

let server: TestServer;
let root: string;

beforeAll(async () => {
  root = copySamples('with-problems');
  writeFileSync(join(root, 'password-policy.md'), untagged);
  writeFileSync(join(root, 'passwords-tagged.md'), tagged);
  server = startServer();
  await server.initialize(root, { initializationOptions: { clientCommands: ['clausewise.suggestClauses'] } });
});
afterAll(() => server.stop());

/** Opens a document; the requests that follow see it (the server checks a document a request needs first). */
async function open(name: string, text: string): Promise<string> {
  const uri = uriOf(join(root, name));
  await server.open(uri, text);
  return uri;
}

describe('clause suggestions for the editor', () => {
  it('ranks the controls of an untagged document with scores and reasons', async () => {
    const uri = await open('password-policy.md', untagged);
    const result = await server.request<SuggestClausesResult>('clausewise/suggestClauses', { uri });
    expect(result.hasFrontmatter).toBe(false);
    expect(result.suggestions.length).toBeLessThanOrEqual(15);
    expect(result.suggestions[0]).toMatchObject({ id: '9.4.3', title: 'Password management system', claimed: false });
    expect(result.suggestions[0]!.reasons).toContain("heading 'Password requirements' matches element 9.4.3/password-requirements");
    expect(result.suggestions.map((suggestion) => suggestion.id)).toContain('9.3.1');
    expect(result.suggestions.every((suggestion, index, all) => index === 0 || all[index - 1]!.score >= suggestion.score)).toBe(true);
  });

  it('prepends a draft frontmatter block claiming the picked ids to an untagged document, body untouched', async () => {
    const uri = await open('password-policy.md', untagged);
    const edit = await server.request<{ changes: Record<string, PlainTextEdit[]> }>('clausewise/addClausesEdit', { uri, ids: ['9.4.3', '9.3.1'] });
    const text = appliedEdits(untagged, uri, edit);
    expect(text.startsWith('---\nid: PASSWORD-POLICY\ntitle: Password Policy\ntype: policy\nowner: TODO\nstatus: draft\nversion: 0.1.0\nclauses:\n  - 9.3.1\n  - 9.4.3\n---\n')).toBe(true);
    expect(text.endsWith(untagged)).toBe(true);
  });

  it('adds the picked ids to a block list, skipping ones already claimed, and marks claimed suggestions', async () => {
    const uri = await open('passwords-tagged.md', tagged);
    const result = await server.request<SuggestClausesResult>('clausewise/suggestClauses', { uri });
    expect(result.hasFrontmatter).toBe(true);
    expect(result.suggestions.find((suggestion) => suggestion.id === '9.3.1')?.claimed).toBe(true);
    const edit = await server.request<{ changes: Record<string, PlainTextEdit[]> }>('clausewise/addClausesEdit', { uri, ids: ['9.3.1', '9.4.3', '9.2.4'] });
    expect(appliedEdits(tagged, uri, edit)).toBe(tagged.replace('  - 9.3.1\n', '  - 9.3.1\n  - 9.4.3\n  - 9.2.4\n'));
    expect(await server.request('clausewise/addClausesEdit', { uri, ids: ['9.3.1'] })).toBeNull();
  });

  it('adds the picked ids inside the author\'s flow list, never rewriting it as a block list', async () => {
    const flow = tagged.replace(/clauses:\n(?: {2}- [\d.]+\n)+/, 'clauses: [9.3.1] # the login part\n');
    const uri = await open('passwords-flow.md', flow);
    const edit = await server.request<{ changes: Record<string, PlainTextEdit[]> }>('clausewise/addClausesEdit', { uri, ids: ['9.4.3', '9.2.4'] });
    expect(appliedEdits(flow, uri, edit)).toBe(flow.replace('clauses: [9.3.1] #', 'clauses: [9.3.1, 9.4.3, 9.2.4] #'));
  });

  it('marks a control claimed as soon as the frontmatter claims it, the body unchanged', async () => {
    const uri = await open('passwords-claimed-later.md', tagged.replace('POL-PW-010', 'POL-PW-011'));
    const before = await server.request<SuggestClausesResult>('clausewise/suggestClauses', { uri });
    expect(before.suggestions.find((suggestion) => suggestion.id === '9.4.3')?.claimed).toBe(false);
    const at = positionOf(tagged, '  - 9.3.1');
    await server.edit(uri, 2, { start: at, end: at }, '  - 9.4.3\n');
    const after = await server.request<SuggestClausesResult>('clausewise/suggestClauses', { uri });
    expect(after.suggestions.find((suggestion) => suggestion.id === '9.4.3')?.claimed).toBe(true);
    expect(after.suggestions.map((suggestion) => [suggestion.id, suggestion.score])).toEqual(before.suggestions.map((suggestion) => [suggestion.id, suggestion.score]));
  });

  it("adds the picked ids inside a comply header, above its --- line, where comply still reads them", async () => {
    const comply = `name: Password Policy\nacronym: PP\nmajorRevisions:\n  - date: Jun 1 2018\n    comment: Initial document\n---\n\n${untagged}`;
    const uri = await open('comply-password.md', comply);
    const result = await server.request<SuggestClausesResult>('clausewise/suggestClauses', { uri });
    expect(result.hasFrontmatter).toBe(true);
    expect(result.suggestions[0]?.id).toBe('9.4.3');
    const edit = await server.request<{ changes: Record<string, PlainTextEdit[]> }>('clausewise/addClausesEdit', { uri, ids: ['9.4.3'] });
    expect(appliedEdits(comply, uri, edit)).toBe(comply.replace('---\n', 'clauses:\n  - 9.4.3\n---\n'));
  });

  it('refuses ids the catalog does not have, and documents that are not open, saying what to do', async () => {
    const uri = await open('passwords-tagged.md', tagged);
    await expect(server.request('clausewise/addClausesEdit', { uri, ids: ['9.4.9'] })).rejects.toThrow('9.4.9 is not a control of ISO 27799:2016');
    await expect(server.request('clausewise/addClausesEdit', { uri, ids: ['9.4.9'] })).rejects.toThrow(/pick ids from "Clausewise: Suggest Clauses…" or "Clausewise: Explain Control…"/);
    await expect(server.request('clausewise/suggestClauses', { uri: uriOf(join(root, 'backup-standard.md')) })).rejects.toThrow(/is not open in the editor; open it, then ask again/);
    const readme = uriOf(join(root, 'README.md'));
    await server.open(readme, '# About these samples\n');
    await expect(server.request('clausewise/suggestClauses', { uri: readme })).rejects.toThrow(/README\.md is left out by the `exclude` setting of its \.clausewise\.yaml/);
    await server.open('untitled:Untitled-1', '# Password Policy\n');
    await expect(server.request('clausewise/suggestClauses', { uri: 'untitled:Untitled-1' })).rejects.toThrow('untitled:Untitled-1 is not a file on disk; save it in the workspace, then ask again');
  });

  it('offers "Suggest clauses…" running the client\'s picker on the first line of an untagged policy and in a frontmatter with few clauses', async () => {
    const actionsAt = async (uri: string, text: string, needle: string) => {
      const at = positionOf(text, needle);
      return server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    };
    const untaggedUri = await open('password-policy.md', untagged);
    const first = (await actionsAt(untaggedUri, untagged, 'Password Policy')).find((action) => action.title === 'Suggest clauses…');
    expect(first?.command).toEqual({ title: 'Suggest clauses…', command: 'clausewise.suggestClauses', arguments: [untaggedUri] });
    expect((await actionsAt(untaggedUri, untagged, 'Passwords have')).some((action) => action.title === 'Suggest clauses…')).toBe(false);
    const taggedUri = await open('passwords-tagged.md', tagged);
    const inFrontmatter = await actionsAt(taggedUri, tagged, 'POL-PW-010');
    const suggestions = inFrontmatter.filter((action) => action.kind === 'refactor.clausewise.suggestClauses').map((action) => action.title);
    expect(suggestions[0]).toBe('Suggest clauses…');
    expect(inFrontmatter.some((action) => /^Suggest clause 9\.4\.3 /.test(action.title))).toBe(true);
  });
});
