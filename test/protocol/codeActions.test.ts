import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { applyFixes, automaticFixes } from '../../server/src/findings/applyFixes';
import { checkFolder } from '../helpers/checkFolder';
import { appliedEdits, copySamples, positionOf, startServer, uriOf, type TestServer } from './helpers/languageClient';

let server: TestServer;
let root: string;

beforeAll(async () => {
  root = copySamples('with-problems');
  server = startServer();
  await server.initialize(root);
});
afterAll(() => server.stop());

async function open(name: string): Promise<{ uri: string; text: string; diagnostics: Diagnostic[] }> {
  const path = join(root, name);
  const text = readFileSync(path, 'utf8');
  const uri = uriOf(path);
  await server.open(uri, text);
  return { uri, text, diagnostics: await server.waitForDiagnostics(uri, (list) => list.length > 0) };
}

/** Opens an unsaved document with this text and waits until it has a diagnostic of `code`; returns all its diagnostics. */
async function openText(name: string, text: string, code: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = uriOf(join(root, name));
  await server.open(uri, text);
  return { uri, diagnostics: await server.waitForDiagnostics(uri, (list) => list.some((d) => d.code === code)) };
}

function actions(uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  return server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
}

function applied(text: string, uri: string, action: CodeAction): string {
  return appliedEdits(text, uri, action.edit);
}

describe('code actions', () => {
  it('offer each finding’s fixes as quick fixes on its diagnostic, preferred when automatic', async () => {
    const { uri, text, diagnostics } = await open('teleworking-standard.md');
    const typo = diagnostics.find((d) => d.code === 'unknown-clause')!;
    const [first] = await actions(uri, typo.range, [typo]);
    expect(first).toMatchObject({ title: 'Change to 6.2.2 Teleworking', kind: 'quickfix', isPreferred: true });
    expect(first!.diagnostics![0]).toMatchObject({ code: 'unknown-clause', message: typo.message });
    expect(applied(text, uri, first!)).toContain('clauses: [6.2.2]');
  });

  it('report one missing-element diagnostic per control, with each element as related information and a fix per element plus "insert all"', async () => {
    const text = '---\nid: STD-LO-1\ntitle: Log-on\ntype: standard\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: [9.4.2]\n---\n# Log-on\n\n## Session time-out\n\nIdle sessions lock after 15 minutes.\n';
    const { uri, diagnostics } = await openText('log-on-standard.md', text, 'missing-element');
    const missing = diagnostics.filter((d) => d.code === 'missing-element');
    expect(missing).toHaveLength(1);
    const [gap] = missing;
    expect(gap!.message).toBe('9.4.2 Secure log-on procedures: 3 of 4 elements not found — Multi-factor authentication, Failed log-on attempts, Log-on banner');
    expect(gap!.message).not.toContain('Hint');
    expect(gap!.relatedInformation!.map((info) => [info.location.uri, info.message])).toEqual(
      ['Multi-factor authentication', 'Failed log-on attempts', 'Log-on banner'].map((title) => [uri, expect.stringMatching(new RegExp(`^"${title}" is not addressed`))]),
    );
    expect((gap!.data as { elements: { id: string }[] }).elements.map((element) => element.id)).toEqual(['multi-factor-authentication', 'failed-log-on-attempts', 'log-on-banner']);
    const fixes = (await actions(uri, gap!.range, [gap!])).filter((action) => action.title.startsWith('Insert'));
    expect(fixes.map((action) => [action.title, action.isPreferred])).toEqual([
      ['Insert all 3 missing sections for 9.4.2', true],
      ['Insert section "Multi-factor authentication" for 9.4.2', false],
      ['Insert section "Failed log-on attempts" for 9.4.2', false],
      ['Insert section "Log-on banner" for 9.4.2', false],
    ]);
    expect(applied(text, uri, fixes[0]!).match(/^## (.*)$/gm)).toEqual(['## Session time-out', '## Multi-factor authentication', '## Failed log-on attempts', '## Log-on banner']);
    expect(applied(text, uri, fixes[3]!).match(/^## (.*)$/gm)).toEqual(['## Session time-out', '## Log-on banner']);
  });

  it('fix all Clausewise problems (source.fixAll.clausewise) applies every automatic fix, as applyFixes does', async () => {
    const { uri, text } = await open('teleworking-standard.md');
    const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
    const fixAll = await actions(uri, whole, [], ['source.fixAll']);
    expect(fixAll.map((action) => action.kind)).toEqual(['source.fixAll.clausewise']);
    const expected = (await checkFolder(root)).find((file) => file.path.endsWith('teleworking-standard.md'))!;
    expect(applied(text, uri, fixAll[0]!)).toBe(applyFixes(text, automaticFixes(expected.findings)).text);
    // Asking only for quick fixes leaves the source action out.
    expect((await actions(uri, whole, [], ['quickfix'])).some((action) => action.kind === 'source.fixAll.clausewise')).toBe(false);
  });

  it('fix all never claims a control: the clause a body cites is the author’s to add, offered as a quick fix only', async () => {
    const text = '---\nid: POL-NC-1\ntitle: No clauses\ntype: policy\nowner: CISO\nstatus: draft\nversion: 1.0.0\n---\n# No clauses\n\nSee ISO 27799 9.2.5.\n';
    const { uri, diagnostics } = await openText('no-clauses.md', text, 'untagged-mention');
    expect(diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['required-field', 'untagged-mention']));
    const [fixAll] = await actions(uri, { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } }, [], ['source.fixAll']);
    const fixed = applied(text, uri, fixAll!);
    expect(fixed).toContain('version: 1.0.0\nclauses: []\n---\n');
    expect(fixed).not.toMatch(/^ *- 9\.2\.5$|9\.2\.5\]/m);
    const cited = diagnostics.find((d) => d.code === 'untagged-mention')!;
    const claim = (await actions(uri, cited.range, [cited])).find((action) => action.title === 'Add 9.2.5 to clauses')!;
    expect(claim.isPreferred).toBe(false);
    expect(applied(text, uri, claim)).toContain('clauses:\n  - 9.2.5\n');
  });

  it('report a new draft’s missing keys as one required-field diagnostic with an "add all" fix', async () => {
    const text = '---\nid: POL-ND-1\ntitle: New draft\ntype: policy\nclauses: []\n---\n# New draft\n\nText.\n';
    const { uri, diagnostics } = await openText('new-draft.md', text, 'required-field');
    const required = diagnostics.filter((d) => d.code === 'required-field');
    expect(required.map((d) => d.message)).toEqual(['frontmatter has no "owner", "status" or "version"; every policy document needs them (required-fields)']);
    const fixes = (await actions(uri, required[0]!.range, required)).filter((action) => action.title.startsWith('Add'));
    expect(fixes.map((action) => [action.title, action.isPreferred])).toEqual([['Add the 3 missing keys', true], ['Add "owner"', false], ['Add "status"', false], ['Add "version"', false]]);
    expect(applied(text, uri, fixes[0]!)).toContain('clauses: []\nowner: TODO\nstatus: draft\nversion: 0.1.0\n---\n');
  });

  it('after fix all, says what was applied and what still needs the author, and selects the first inserted TODO (not on save)', async () => {
    const uri = uriOf(join(root, 'two-gaps.md'));
    const text = '---\nid: STD-TG-1\ntitle: Two gaps\ntype: standard\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: [9.4.2, 9.4.9]\nrelated: [HX-NOPE-404]\n---\n# Two gaps\n\n## Session time-out\n\nIdle sessions lock after 15 minutes.\n';
    await server.open(uri, text);
    await server.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'missing-element'));
    const whole = { start: { line: 0, character: 0 }, end: { line: 16, character: 0 } };
    const [fixAll] = await actions(uri, whole, [], ['source.fixAll']);
    const fixed = applied(text, uri, fixAll!);
    expect(fixAll!.command?.command).toBe('clausewise.showFixResult');
    const [result] = fixAll!.command!.arguments as [{ uri: string; message: string; selection: Diagnostic['range'] }];
    expect(result.message).toBe('Clausewise: inserted 3 section stubs (write each TODO); 9.4.9 and HX-NOPE-404 need you.');
    const lines = fixed.split('\n');
    expect(lines[result.selection.start.line]!.slice(result.selection.start.character, result.selection.end.character)).toMatch(/^TODO: State where more than one factor is required/);
    expect(lines[result.selection.start.line - 2]).toBe('## Multi-factor authentication');
    // On save (an automatic trigger) the edit comes alone: no message, no moving cursor.
    const onSave = await server.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 } });
    expect(onSave[0]!.command).toBeUndefined();
    // Running the command moves the client's cursor there and shows the message.
    const shown = server.waitFor<{ uri: string; selection: Diagnostic['range'] }>('window/showDocument');
    const message = server.waitFor<{ message: string }>('window/showMessage');
    await server.request('workspace/executeCommand', fixAll!.command);
    expect(await shown).toMatchObject({ uri, selection: result.selection, takeFocus: true });
    expect((await message).message).toBe(result.message);
  });

  it('fix all never raises the problem count: a control missing 3 elements becomes one empty-element diagnostic pointing at the 3 stubs', async () => {
    const text = '---\nid: STD-FA-1\ntitle: Fix all\ntype: standard\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: [9.4.2]\n---\n# Fix all\n\n## Session time-out\n\nIdle sessions lock after 15 minutes.\n';
    const { uri, diagnostics: before } = await openText('fix-all-count.md', text, 'missing-element');
    expect(before.map((d) => d.code)).toEqual(['missing-element']);
    const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
    const [fixAll] = await actions(uri, whole, [], ['source.fixAll']);
    const fixed = applied(text, uri, fixAll!);
    await server.edit(uri, 2, whole, fixed);
    const after = await server.waitForDiagnostics(uri, (list) => !list.some((d) => d.code === 'missing-element'));
    expect(after.length).toBeLessThanOrEqual(before.length);
    const [empty] = after;
    expect(empty).toMatchObject({ code: 'empty-element', message: '9.4.2 Secure log-on procedures: 3 elements have no text yet — Multi-factor authentication, Failed log-on attempts, Log-on banner' });
    const lines = fixed.split('\n');
    // On the first stub (where the author writes next), with each stub as related information.
    expect(lines[empty!.range.start.line]).toBe('## Multi-factor authentication');
    expect(empty!.relatedInformation!.map((info) => lines[info.location.range.start.line])).toEqual(['## Multi-factor authentication', '## Failed log-on attempts', '## Log-on banner']);
    expect((empty!.data as { elements: { id: string }[] }).elements.map((element) => element.id)).toEqual(['multi-factor-authentication', 'failed-log-on-attempts', 'log-on-banner']);
  });

  it('ignoring a control\'s empty-element diagnostic silences the section it is on; the diagnostic moves to the next empty section', async () => {
    const text = '---\nid: STD-IE-1\ntitle: Ignore empty\ntype: standard\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: [9.4.2]\n---\n# Ignore empty\n\n## Multi-factor authentication\n\nRemote access needs a second factor.\n\n## Failed log-on attempts\n\nTODO\n\n## Log-on banner\n\nTBD\n';
    const { uri, diagnostics } = await openText('ignore-empty.md', text, 'empty-element');
    const empty = diagnostics.find((d) => d.code === 'empty-element')!;
    expect(empty.message).toBe('9.4.2 Secure log-on procedures: 2 elements have no text yet — Failed log-on attempts, Log-on banner');
    const ignore = (await actions(uri, empty.range, [empty])).find((action) => action.title === 'Ignore empty-element here (clausewise-disable-next-line comment)')!;
    const ignored = applied(text, uri, ignore);
    expect(ignored).toContain('\n<!-- clausewise-disable-next-line empty-element -->\n## Failed log-on attempts\n');
    await server.edit(uri, 2, { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } }, ignored);
    const after = await server.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'empty-element' && String(d.message).startsWith('9.4.2 Secure log-on procedures: 1 element')));
    const moved = after.filter((d) => d.code === 'empty-element');
    expect(moved.map((d) => d.message)).toEqual(['9.4.2 Secure log-on procedures: 1 element has no text yet — Log-on banner']);
    expect(ignored.split('\n')[moved[0]!.range.start.line]).toBe('## Log-on banner');
  });

  it('a single "Insert section" fix also selects the TODO it inserts', async () => {
    const { uri, text, diagnostics } = await open('backup-standard.md');
    const gap = diagnostics.find((d) => d.code === 'missing-element')!;
    const insert = (await actions(uri, gap.range, [gap])).find((action) => action.title === 'Insert section "Restore testing" for 12.3.1')!;
    const [result] = insert.command!.arguments as [{ selection: Diagnostic['range'] }];
    const line = applied(text, uri, insert).split('\n')[result.selection.start.line]!;
    expect(line.slice(result.selection.start.character, result.selection.end.character)).toMatch(/^TODO: Say how often restores are tested.*\.$/);
  });

  it('offer to ignore any finding with a clausewise-disable-next-line comment, which then silences it', async () => {
    const uri = uriOf(join(root, 'ignored.md'));
    const text = '---\nid: POL-IG-1\ntitle: Ignored\ntype: policy\nowner: CISO\nstatus: draft\nversion: 1.0.0\nclauses: []\nrelated:\n  - NOPE-9\n---\n# Ignored\n\nFirst line of a paragraph\nthat cites ISO 27799 9.2.5.\n';
    await server.open(uri, text);
    const diagnostics = await server.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'untagged-mention') && list.some((d) => d.code === 'broken-reference'));
    const ignore = async (code: string) => {
      const diagnostic = diagnostics.find((d) => d.code === code)!;
      return (await actions(uri, diagnostic.range, [diagnostic])).find((action) => action.title === `Ignore ${code} here (clausewise-disable-next-line comment)`)!;
    };
    // In the body: at the end of the line above (the paragraph stays one paragraph); in the frontmatter: a YAML comment line.
    const body = applied(text, uri, await ignore('untagged-mention'));
    expect(body).toContain('First line of a paragraph <!-- clausewise-disable-next-line untagged-mention -->\nthat cites');
    const yaml = applied(body, uri, await ignore('broken-reference'));
    expect(yaml).toContain('related:\n  # clausewise-disable-next-line broken-reference\n  - NOPE-9\n');
    await server.edit(uri, 2, { start: { line: 0, character: 0 }, end: { line: 15, character: 0 } }, yaml);
    const after = await server.waitForDiagnostics(uri, (list) => !list.some((d) => d.code === 'untagged-mention' || d.code === 'broken-reference'));
    expect(after.map((d) => d.code)).toEqual([]);
  });
});

describe('clause suggestions in the editor', () => {
  const passwordPolicy = [
    '---', 'id: POL-PW-001', 'title: Password Policy', 'type: policy', 'owner: CISO', 'status: draft', 'version: 0.1.0', 'clauses: []', 'related: [NOPE-1]', '---',
    '# Password Policy', '', '## Password requirements', '', 'Passwords are at least 14 characters and checked against breached-password lists.', '',
    '## Password changes', '', 'Passwords change only when compromise is suspected.', '', '## Protecting passwords', '', 'Users never share or write down their passwords.', '',
  ].join('\n');

  it('offer the top suggested clauses with their reason as actions that add the id to clauses', async () => {
    const path = join(root, 'password-policy.md');
    const uri = uriOf(path);
    await server.open(uri, passwordPolicy);
    await server.waitForDiagnostics(uri, (list) => list.length > 0); // the broken related id makes one
    const at = positionOf(passwordPolicy, 'clauses: []');
    const suggestions = await actions(uri, { start: at, end: at }, [], ['refactor.clausewise.suggestClauses']);
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    expect(suggestions.map((action) => action.title.split(' ')[2])).toEqual(expect.arrayContaining(['9.4.3', '9.3.1']));
    expect(suggestions[0]!.title).toMatch(/^Suggest clause \d+\.\d+\.\d+ .+ \(0\.\d\d: .+\)$/);
    const added = applied(passwordPolicy, uri, suggestions.find((action) => action.title.includes(' 9.4.3 '))!);
    expect(added).toContain('clauses:\n  - 9.4.3\n');
  });

  it('list suggested controls first when completing clause ids', async () => {
    const path = join(root, 'password-policy-2.md');
    const uri = uriOf(path);
    const text = passwordPolicy.replace('POL-PW-001', 'POL-PW-002');
    await server.open(uri, text);
    await server.waitForDiagnostics(uri, (list) => list.length > 0); // the broken related id makes one
    const at = positionOf(text, 'clauses: []');
    const list = await server.request<{ items: { label: string; sortText: string; detail: string; labelDetails?: { detail?: string } }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: at.line, character: at.character + 'clauses: ['.length },
    });
    const sorted = [...list.items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    expect(sorted.slice(0, 5).map((item) => item.label)).toEqual(expect.arrayContaining(['9.4.3']));
    expect(sorted[0]!.labelDetails?.detail).toMatch(/^ suggested 0\.\d\d$/);
    expect(sorted[0]!.detail).not.toMatch(/suggested/);
  });
});
